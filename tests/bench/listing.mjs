// The large page of the page-load benchmark: a job listing of the site with
// about 3,000 cards (about 1.5 MB of HTML) and no login on it, written under
// tests/e2e/fixtures/generated/ (gitignored) at run time. The same bytes every
// run: the cards come from a seeded generator.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { random } from '../e2e/parity-replay.mjs';

export const LISTING_PATH = '/generated/jobs-large.html';

const TITLES = ['法人営業', 'ITコンサルタント', '経理・財務', '人事（採用担当）', 'Webマーケティング', 'プロジェクトマネージャー', '社内SE', '生産管理', '品質保証', '経営企画', '購買・調達', '広報・PR', '労務', 'データアナリスト', '事業開発', 'カスタマーサクセス', '物流企画', '施工管理', '研究開発（材料）', 'サーバーサイドエンジニア'];
const INDUSTRIES = ['IT・通信', 'メーカー（電機）', '金融', '商社', '医療・医薬', '不動産・建設', 'コンサルティング', '小売・流通', '広告・メディア', 'インフラ・エネルギー'];
const AREAS = ['東京都', '大阪府', '愛知県', '福岡県', '神奈川県', '北海道', '宮城県', '広島県', '京都府', '兵庫県', '埼玉県', '千葉県'];
const TAGS = ['リモート可', '年間休日120日以上', 'フレックス', '管理職', '未経験可', '英語を活かせる', '転勤なし', '土日祝休み', '上場企業', '女性管理職あり', '残業少なめ', '退職金あり'];
const COMPANIES = ['株式会社', '有限会社', '合同会社'];
const NAMES = ['あおば', 'ひかり', 'みらい', 'さくら', 'つばさ', 'やまと', 'ことぶき', 'はやて', 'みずほ', 'かなで', 'いずみ', 'ときわ'];

function card(i, rnd) {
  const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
  const low = 350 + Math.floor(rnd() * 40) * 10;
  const high = low + 100 + Math.floor(rnd() * 60) * 10;
  const id = 100000 + i * 7;
  const tags = [...new Set([pick(TAGS), pick(TAGS), pick(TAGS)])].map((t) => `<li>${t}</li>`).join('');
  return `<article class="job-card" id="job-${id}">
<h2><a href="/job/${id}/">${pick(TITLES)}（${pick(INDUSTRIES)}）</a></h2>
<p class="company">${pick(COMPANIES)}${pick(NAMES)}${pick(['ホールディングス', 'テクノロジーズ', '商事', '製作所', 'システムズ'])}</p>
<dl><dt>年収</dt><dd>${low}万円〜${high}万円</dd><dt>勤務地</dt><dd>${pick(AREAS)}</dd><dt>求人番号</dt><dd>J${id}</dd></dl>
<ul class="tags">${tags}</ul>
<p><a href="/job/${id}/">詳細を見る</a> <a href="/member/entry/?job=${id}">この求人に応募する</a></p>
</article>
`;
}

/** Writes the listing under `fixturesDir`; returns its size in bytes. */
export function writeListing(fixturesDir, { cards = 3000 } = {}) {
  const rnd = random(20261126);
  const body = [];
  for (let i = 0; i < cards; i++) body.push(card(i, rnd));
  const html = `<!doctype html>
<html lang="ja">
<head>
<meta charset="utf-8">
<title>求人検索結果 ${cards.toLocaleString('en-US')}件 | パソナキャリア</title>
<link rel="stylesheet" href="/site.css">
<script src="/page.js"></script>
</head>
<body>
<header><a href="/">パソナキャリア</a> <a href="/member/login/">ログイン</a> <a href="/member/entry/">会員登録</a></header>
<form action="/search/" class="box">
  <label for="kw">キーワード</label> <input type="text" id="kw" name="kw">
  <select name="area">${AREAS.map((a) => `<option>${a}</option>`).join('')}</select>
  <button>検索</button>
</form>
<h1>求人検索結果 ${cards.toLocaleString('en-US')}件</h1>
<main class="results">
${body.join('')}</main>
<footer><a href="/privacy/">個人情報保護方針</a> <a href="/sitemap/">サイトマップ</a></footer>
</body>
</html>
`;
  const dir = join(fixturesDir, 'generated');
  mkdirSync(dir, { recursive: true });
  const bytes = Buffer.from(html);
  writeFileSync(join(dir, 'jobs-large.html'), bytes);
  return bytes.length;
}
