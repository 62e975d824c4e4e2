//! Browser identification, verdicts and notices on real user agents, on fixed
//! dates, plus the release-calendar model checked against real release days.

use plh::browser::{
    civil_from_days, current_major, days_from_civil, identify, page_notice, verdict, Brand,
    Browser, BrowserNotice, BrowserSignals, Family, Platform, Verdict,
};
use plh::warning::{Code, Level, Warning};

/// A warning's plain-text arguments (a browser notice has no other kind).
fn params(w: &Warning) -> Vec<String> {
    w.args
        .iter()
        .map(|a| match a {
            plh::view::Arg::Plain(s) => s.clone(),
            other => panic!("not plain text: {other:?}"),
        })
        .collect()
}

fn day(y: i64, m: u32, d: u32) -> i64 {
    days_from_civil(y, m, d)
}

/// The day this suite was written: Chrome 158, Firefox 161, Safari 27.
fn today() -> i64 {
    day(2026, 11, 26)
}

fn ua(s: &str) -> BrowserSignals {
    BrowserSignals {
        user_agent: s.to_string(),
        ..Default::default()
    }
}

fn with_brands(s: &str, brands: &[(&str, &str)]) -> BrowserSignals {
    BrowserSignals {
        user_agent: s.to_string(),
        brands: brands
            .iter()
            .map(|(b, v)| Brand {
                brand: b.to_string(),
                version: v.to_string(),
            })
            .collect(),
        ..Default::default()
    }
}

use Family::*;
use Platform::{Android, Desktop, Ios, Mac};
use Verdict::{NotRecommended, Recommended, RecommendedEsr};

fn outdated(current: u32, behind: u32) -> Verdict {
    Verdict::Outdated { current, behind }
}

/// The page's browser warning, if any.
fn warning(s: &BrowserSignals, on: i64) -> Option<Warning> {
    page_notice(s, on).map(|n| n.warning)
}

/// Days spread over the calendars' range, and far beyond: on none of them
/// may a browser that is not judged get a notice.
fn many_days() -> Vec<i64> {
    let mut days: Vec<i64> = (2020..=2045).map(|y| day(y, 10, 1)).collect();
    days.extend([0, today(), day(9999, 12, 31)]);
    days
}

// Real user agents.
const CHROME_WIN_158: &str = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/158.0.0.0 Safari/537.36";
const CHROME_MAC_157: &str = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/157.0.0.0 Safari/537.36";
const CHROME_LINUX_155: &str = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/155.0.0.0 Safari/537.36";
const CHROME_LINUX_154: &str = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/154.0.0.0 Safari/537.36";
const CHROME_WIN_153: &str = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/153.0.0.0 Safari/537.36";
const CHROME_ANDROID_158: &str = "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/158.0.0.0 Mobile Safari/537.36";
const CHROME_ANDROID_120: &str = "Mozilla/5.0 (Linux; Android 13; SM-G991B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.6099.144 Mobile Safari/537.36";
const CHROME_WIN7_109: &str = "Mozilla/5.0 (Windows NT 6.1; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/109.0.0.0 Safari/537.36";
const CHROME_XP_49: &str = "Mozilla/5.0 (Windows NT 5.1) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/49.0.2623.112 Safari/537.36";
const CHROME_MAC_138: &str = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/138.0.0.0 Safari/537.36";
const CHROME_BETA_159: &str = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/159.0.0.0 Safari/537.36";
const CRIOS_158: &str = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/158.0.8127.37 Mobile/15E148 Safari/604.1";
const HEADLESS_158: &str = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/158.0.8127.37 Safari/537.36";
const UBUNTU_CHROMIUM_79: &str = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Ubuntu Chromium/79.0.3945.79 Chrome/79.0.3945.79 Safari/537.36";
const PLAIN_CHROMIUM_158: &str = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chromium/158.0.0.0 Safari/537.36";
const EDGE_WIN_158: &str = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/158.0.0.0 Safari/537.36 Edg/158.0.0.0";
const EDGE_ANDROID: &str = "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/138.0.0.0 Mobile Safari/537.36 EdgA/138.0.0.0";
const EDGE_IOS: &str = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 EdgiOS/138.3351.77 Mobile/15E148 Safari/605.1.15";
const EDGE_MAC_157: &str = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/157.0.0.0 Safari/537.36 Edg/157.0.0.0";
const EDGE_WIN_153: &str = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/153.0.0.0 Safari/537.36 Edg/153.0.3460.49";
const EDGE_WIN_120: &str = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.2210.91";
const EDGE_LEGACY_18: &str = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.19045";
const OPERA_WIN: &str = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/137.0.0.0 Safari/537.36 OPR/121.0.0.0";
const OPERA_ANDROID: &str = "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/137.0.0.0 Mobile Safari/537.36 OPR/90.0.0.0";
const OPERA_IOS: &str = "Mozilla/5.0 (iPhone; CPU iPhone OS 16_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/16.0 OPT/3.3.3 Mobile/15E148 Safari/604.1";
const OPERA_PRESTO: &str = "Opera/9.80 (Windows NT 6.1; WOW64) Presto/2.12.388 Version/12.18";
const VIVALDI: &str = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/92.0.4515.159 Safari/537.36 Vivaldi/4.1.2369.21";
const SAMSUNG: &str = "Mozilla/5.0 (Linux; Android 14; SAMSUNG SM-S928B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/27.0 Chrome/125.0.0.0 Mobile Safari/537.36";
const YANDEX: &str = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/136.0.0.0 YaBrowser/25.6.0.0 Safari/537.36";
const FIREFOX_WIN_161: &str =
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:161.0) Gecko/20100101 Firefox/161.0";
const FIREFOX_MAC_158: &str =
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10.15; rv:158.0) Gecko/20100101 Firefox/158.0";
const FIREFOX_LINUX_156: &str =
    "Mozilla/5.0 (X11; Linux x86_64; rv:156.0) Gecko/20100101 Firefox/156.0";
const FIREFOX_UBUNTU_157: &str =
    "Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:157.0) Gecko/20100101 Firefox/157.0";
const FIREFOX_ANDROID_161: &str =
    "Mozilla/5.0 (Android 15; Mobile; rv:161.0) Gecko/161.0 Firefox/161.0";
const FIREFOX_ANDROID_153: &str =
    "Mozilla/5.0 (Android 14; Mobile; rv:153.0) Gecko/153.0 Firefox/153.0";
const FXIOS_161: &str = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) FxiOS/161.0 Mobile/15E148 Safari/605.1.15";
const FIREFOX_ESR_115_WIN7: &str =
    "Mozilla/5.0 (Windows NT 6.1; Win64; x64; rv:115.0) Gecko/20100101 Firefox/115.0";
const FIREFOX_ESR_128: &str =
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0";
const FIREFOX_ESR_140: &str =
    "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0";
const FIREFOX_ESR_153: &str =
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:153.0) Gecko/20100101 Firefox/153.0";
const FIREFOX_52: &str = "Mozilla/5.0 (Windows NT 6.1; WOW64; rv:52.0) Gecko/20100101 Firefox/52.0";
const SAFARI_MAC_16: &str = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/16.6 Safari/605.1.15";
const SAFARI_MAC_17: &str = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.6 Safari/605.1.15";
const SAFARI_MAC_18: &str = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.5 Safari/605.1.15";
const SAFARI_MAC_26: &str = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/26.0 Safari/605.1.15";
const SAFARI_MAC_27: &str = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/27.1 Safari/605.1.15";
const SAFARI_IOS_12: &str = "Mozilla/5.0 (iPhone; CPU iPhone OS 12_5_7 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/12.1.2 Mobile/15E148 Safari/604.1";
const SAFARI_MAC_14: &str = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/14.1.2 Safari/605.1.15";
const SAFARI_IOS_15: &str = "Mozilla/5.0 (iPhone; CPU iPhone OS 15_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/15.6 Mobile/15E148 Safari/604.1";
const SAFARI_IOS_18_7: &str = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_7 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.7 Mobile/15E148 Safari/604.1";
const SAFARI_IOS_27: &str = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/27.0 Mobile/15E148 Safari/604.1";
const SAFARI_IOS_18: &str = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.5 Mobile/15E148 Safari/604.1";
const SAFARI_IOS_26: &str = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/26.0 Mobile/15E148 Safari/604.1";
const SAFARI_IPAD_17: &str = "Mozilla/5.0 (iPad; CPU OS 17_7 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.7 Mobile/15E148 Safari/604.1";
const IE_11: &str = "Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; rv:11.0) like Gecko";
const IE_11_COMPAT: &str =
    "Mozilla/4.0 (compatible; MSIE 7.0; Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; .NET4.0E)";
const IE_9: &str = "Mozilla/5.0 (compatible; MSIE 9.0; Windows NT 6.1; Trident/5.0)";
const IE_6: &str = "Mozilla/4.0 (compatible; MSIE 6.0; Windows NT 5.1; SV1)";
const ANDROID_WEBVIEW: &str = "Mozilla/5.0 (Linux; Android 13; Pixel 7 Build/TQ3A.230805.001; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/120.0.6099.144 Mobile Safari/537.36";
const LINE_IOS: &str = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Safari Line/13.21.0";
const LINE_ANDROID: &str = "Mozilla/5.0 (Linux; Android 13; SO-51C Build/64.1.C.0.170; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/120.0.6099.230 Mobile Safari/537.36 Line/13.21.1/IAB";
const FACEBOOK_IOS: &str = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 [FBAN/FBIOS;FBAV/470.0.0.37.107;FBBV/617185462;FBDV/iPhone15,2;FBMD/iPhone;FBSN/iOS;FBSV/17.5;FBSS/3;FBCR/;FBID/phone;FBLC/ja_JP;FBOP/80]";
const LINE_ANDROID_WV: &str = "Mozilla/5.0 (Linux; Android 14; SH-51E Build/S0001; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/131.0.6778.135 Mobile Safari/537.36 Line/14.21.0/IAB";
const INSTAGRAM_IOS: &str = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Instagram 330.0.3.12.235 (iPhone15,3; iOS 17_4; ja_JP; ja; scale=3.00; 1290x2796; 601331920)";
const INSTAGRAM_ANDROID: &str = "Mozilla/5.0 (Linux; Android 14; SM-S918B Build/UP1A.231005.007; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/122.0.6261.105 Mobile Safari/537.36 Instagram 321.0.0.39.106 Android (34/14; 480dpi; 1080x2115; samsung; SM-S918B; dm3q; qcom; ja_JP; 576218245)";
const FACEBOOK_ANDROID: &str = "Mozilla/5.0 (Linux; Android 14; Pixel 8 Build/UD1A.231105.004; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/119.0.6045.163 Mobile Safari/537.36 [FB_IAB/FB4A;FBAV/444.0.0.32.118;]";
const WECHAT_IOS: &str = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.47(0x18002f2c) NetType/WIFI Language/zh_CN";
const WECHAT_ANDROID: &str = "Mozilla/5.0 (Linux; Android 13; V2183A Build/TP1A.220624.014; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/111.0.5563.116 Mobile Safari/537.36 XWEB/1160065 MMWEBSDK/20231202 MMWEBID/2247 MicroMessenger/8.0.47.2560(0x28002F30) WeChat/arm64 Weixin NetType/WIFI Language/zh_CN ABI/arm64";
const X_IOS: &str = "Mozilla/5.0 (iPhone; CPU iPhone OS 16_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Twitter for iPhone/9.61";
const X_ANDROID: &str = "Mozilla/5.0 (Linux; Android 13; Pixel 7 Build/TQ3A.230805.001; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/116.0.5845.163 Mobile Safari/537.36 TwitterAndroid";
const WKWEBVIEW_IOS: &str = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148";
const GOOGLE_APP_IOS: &str = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) GSA/322.0.648915268 Mobile/15E148 Safari/604.1";
const ANDROID_STOCK_4: &str = "Mozilla/5.0 (Linux; U; Android 4.0.3; ja-jp; SC-02C Build/IML74K) AppleWebKit/534.30 (KHTML, like Gecko) Version/4.0 Mobile Safari/534.30";
const PALE_MOON: &str = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:102.0) Gecko/20100101 Goanna/6.7 Firefox/102.0 PaleMoon/33.3.1";
const GOOGLEBOT: &str = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";
const CHROMEOS_158: &str = "Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/158.0.0.0 Safari/537.36";
const OPERA_MAC: &str = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/137.0.0.0 Safari/537.36 OPR/121.0.0.0";
const OPERA_GX: &str = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/137.0.0.0 Safari/537.36 OPR/121.0.0.0 (Edition std-2)";
const YANDEX_YOWSER: &str = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/122.0.0.0 YaBrowser/24.4.0.0 Yowser/2.5 Safari/537.36";
const YANDEX_ANDROID: &str = "Mozilla/5.0 (Linux; arm_64; Android 14; SM-S911B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 YaBrowser/24.6.4.86.00 SA/3 Mobile Safari/537.36";
const VIVALDI_ANDROID: &str = "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36 Vivaldi/6.5.3217.115";
const FIREFOX_ANDROID_TABLET_150: &str =
    "Mozilla/5.0 (Android 14; Tablet; rv:150.0) Gecko/150.0 Firefox/150.0";
const WHALE: &str = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Whale/3.27.254.15 Safari/537.36";
const UC_DESKTOP: &str = "Mozilla/5.0 (Windows NT 10.0; WOW64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/78.0.3904.108 UBrowser/7.0.185.1002 Safari/537.36";
const UC_ANDROID: &str = "Mozilla/5.0 (Linux; U; Android 10; ja-JP; SM-A205F Build/QP1A.190711.020) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/78.0.3904.108 UCBrowser/13.4.0.1306 Mobile Safari/537.36";
const SAMSUNG_DEX: &str = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/27.0 Chrome/125.0.0.0 Safari/537.36";
const SEAMONKEY: &str = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0 SeaMonkey/2.53.19";
const WATERFOX: &str = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:115.0) Gecko/20100101 Firefox/115.0 Waterfox/G6.0.5";
const ELECTRON_APP: &str = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Slack/4.41.105 Chrome/130.0.6723.191 Electron/33.2.1 Safari/537.36";
const KAIOS: &str = "Mozilla/5.0 (Mobile; LYF/F300B/LYF-F300B-001-01-15-130718-i; rv:48.0) Gecko/48.0 Firefox/48.0 KAIOS/2.5";
const SAFARI_WINDOWS_5: &str = "Mozilla/5.0 (Windows; U; Windows NT 6.1; ja-JP) AppleWebKit/534.57.2 (KHTML, like Gecko) Version/5.1.7 Safari/534.57.2";

struct Case {
    ua: &'static str,
    family: Family,
    major: u32,
    platform: Platform,
    verdict: Verdict,
}

fn case(
    ua: &'static str,
    family: Family,
    major: u32,
    platform: Platform,
    verdict: Verdict,
) -> Case {
    Case {
        ua,
        family,
        major,
        platform,
        verdict,
    }
}

/// Every judged user agent above, alone (no userAgentData), on [`today`].
/// `behind` counts four-week cycles since the major was superseded (years for
/// Safari).
fn judged_today() -> Vec<Case> {
    vec![
        case(CHROME_WIN_158, Chrome, 158, Desktop, Recommended),
        case(CHROME_MAC_157, Chrome, 157, Mac, Recommended),
        case(CHROME_LINUX_155, Chrome, 155, Desktop, Recommended),
        case(CHROME_LINUX_154, Chrome, 154, Desktop, Recommended),
        case(CHROME_WIN_153, Chrome, 153, Desktop, outdated(158, 3)),
        case(CHROME_WIN7_109, Chrome, 109, Desktop, outdated(158, 50)),
        case(CHROME_XP_49, Chrome, 49, Desktop, outdated(158, 117)),
        case(CHROME_MAC_138, Chrome, 138, Mac, outdated(158, 18)),
        case(CHROME_BETA_159, Chrome, 159, Desktop, Recommended),
        case(CHROMEOS_158, Chrome, 158, Desktop, Recommended),
        case(HEADLESS_158, Chrome, 158, Desktop, Recommended),
        case(UBUNTU_CHROMIUM_79, Chrome, 79, Desktop, outdated(158, 84)),
        case(PLAIN_CHROMIUM_158, Chrome, 158, Desktop, Recommended),
        // Edge is recommended and judged by Chrome's train.
        case(EDGE_WIN_158, Edge, 158, Desktop, Recommended),
        case(EDGE_MAC_157, Edge, 157, Mac, Recommended),
        case(EDGE_WIN_153, Edge, 153, Desktop, outdated(158, 3)),
        case(EDGE_WIN_120, Edge, 120, Desktop, outdated(158, 38)),
        case(OPERA_WIN, Opera, 121, Desktop, NotRecommended),
        case(OPERA_MAC, Opera, 121, Mac, NotRecommended),
        case(OPERA_GX, Opera, 121, Desktop, NotRecommended),
        case(VIVALDI, Vivaldi, 4, Desktop, NotRecommended),
        case(YANDEX, Yandex, 25, Desktop, NotRecommended),
        case(YANDEX_YOWSER, Yandex, 24, Desktop, NotRecommended),
        case(FIREFOX_WIN_161, Firefox, 161, Desktop, Recommended),
        case(FIREFOX_MAC_158, Firefox, 158, Mac, Recommended),
        case(FIREFOX_UBUNTU_157, Firefox, 157, Desktop, Recommended),
        case(FIREFOX_LINUX_156, Firefox, 156, Desktop, outdated(161, 3)),
        case(FIREFOX_ANDROID_161, Firefox, 161, Android, Recommended),
        case(FIREFOX_ANDROID_153, Firefox, 153, Android, outdated(161, 4)),
        case(
            FIREFOX_ANDROID_TABLET_150,
            Firefox,
            150,
            Android,
            outdated(161, 8),
        ),
        case(
            FIREFOX_ESR_115_WIN7,
            Firefox,
            115,
            Desktop,
            outdated(161, 43),
        ),
        case(FIREFOX_ESR_128, Firefox, 128, Desktop, outdated(161, 30)),
        case(FIREFOX_ESR_140, Firefox, 140, Desktop, outdated(161, 18)),
        case(FIREFOX_ESR_153, Firefox, 153, Desktop, RecommendedEsr),
        case(FIREFOX_52, Firefox, 52, Desktop, outdated(161, 106)),
        // Safari's user agent (Orion sends it too): outdated six years after
        // its release (see src/browser/verdict.rs).
        case(SAFARI_IOS_12, Safari, 12, Ios, outdated(27, 8)),
        case(SAFARI_MAC_14, Safari, 14, Mac, outdated(27, 6)),
        case(SAFARI_IOS_15, Safari, 15, Ios, Recommended),
        case(SAFARI_MAC_16, Safari, 16, Mac, Recommended),
        case(SAFARI_MAC_17, Safari, 17, Mac, Recommended),
        case(SAFARI_MAC_18, Safari, 18, Mac, Recommended),
        case(SAFARI_MAC_26, Safari, 26, Mac, Recommended),
        case(SAFARI_MAC_27, Safari, 27, Mac, Recommended),
        case(SAFARI_IOS_18, Safari, 18, Ios, Recommended),
        case(SAFARI_IOS_18_7, Safari, 18, Ios, Recommended),
        case(SAFARI_IOS_26, Safari, 26, Ios, Recommended),
        case(SAFARI_IOS_27, Safari, 27, Ios, Recommended),
        case(SAFARI_IPAD_17, Safari, 17, Ios, Recommended),
    ]
}

#[test]
fn judged_user_agents_on_a_fixed_day() {
    let cases = judged_today();
    assert!(cases.len() >= 45, "only {} user agents", cases.len());
    for c in &cases {
        let b = identify(&ua(c.ua)).expect(c.ua);
        assert_eq!(
            b,
            Browser {
                family: c.family,
                major: c.major,
                platform: c.platform
            },
            "{}",
            c.ua
        );
        assert!(b.runs_this_extension(), "{}", c.ua);
        assert_eq!(verdict(&b, today()), c.verdict, "{}", c.ua);
    }
}

/// Browsers this extension cannot run in: what they are told is never read.
/// Named by their signals, they are not judged.
#[test]
fn browsers_that_cannot_run_the_extension_are_not_judged() {
    for (s, family, major, platform) in [
        // The Chrome Web Store installs nothing on a phone.
        (CHROME_ANDROID_158, Chrome, 158, Android),
        (CHROME_ANDROID_120, Chrome, 120, Android),
        (OPERA_ANDROID, Opera, 90, Android),
        (VIVALDI_ANDROID, Vivaldi, 6, Android),
        (YANDEX_ANDROID, Yandex, 24, Android),
        // Android's old stock browser and Safari for Windows name Safari.
        (ANDROID_STOCK_4, Safari, 4, Android),
        (SAFARI_WINDOWS_5, Safari, 5, Desktop),
    ] {
        let b = identify(&ua(s)).expect(s);
        assert_eq!(
            (b.family, b.major, b.platform),
            (family, major, platform),
            "{s}"
        );
        assert!(!b.runs_this_extension(), "{s}");
        for d in many_days() {
            assert_eq!(page_notice(&ua(s), d), None, "{s}");
        }
    }
    // Each family only where it runs the extension.
    let on = |family, platform| {
        Browser {
            family,
            major: 100,
            platform,
        }
        .runs_this_extension()
    };
    for family in [Chrome, Edge, Opera, Brave, Vivaldi, Yandex] {
        assert!(on(family, Desktop) && on(family, Mac), "{family:?}");
        assert!(!on(family, Android) && !on(family, Ios), "{family:?}");
    }
    assert!(on(Firefox, Desktop) && on(Firefox, Mac) && on(Firefox, Android));
    assert!(!on(Firefox, Ios));
    assert!(on(Safari, Mac) && on(Safari, Ios));
    assert!(!on(Safari, Desktop) && !on(Safari, Android));
}

/// Internet Explorer, apps' built-in browsers, Samsung Internet, the iOS apps
/// of Chrome, Edge, Firefox and Opera, forks and apps that borrow a vendor's
/// user agent, and anything unrecognisable: no browser named, no notice, on
/// any day.
#[test]
fn browsers_not_judged_get_no_notice() {
    for s in [
        IE_11,
        IE_11_COMPAT,
        IE_9,
        IE_6,
        ANDROID_WEBVIEW,
        LINE_IOS,
        LINE_ANDROID,
        LINE_ANDROID_WV,
        INSTAGRAM_IOS,
        INSTAGRAM_ANDROID,
        FACEBOOK_IOS,
        FACEBOOK_ANDROID,
        WECHAT_IOS,
        WECHAT_ANDROID,
        X_IOS,
        X_ANDROID,
        WKWEBVIEW_IOS,
        GOOGLE_APP_IOS,
        SAMSUNG,
        SAMSUNG_DEX,
        CRIOS_158,
        EDGE_IOS,
        FXIOS_161,
        OPERA_IOS,
        EDGE_ANDROID,
        EDGE_LEGACY_18,
        OPERA_PRESTO,
        WHALE,
        UC_DESKTOP,
        UC_ANDROID,
        PALE_MOON,
        SEAMONKEY,
        WATERFOX,
        ELECTRON_APP,
        KAIOS,
        GOOGLEBOT,
        "",
        "hello world",
        "Mozilla/5.0",
    ] {
        assert_eq!(identify(&ua(s)), None, "{s}");
        for d in many_days() {
            assert_eq!(page_notice(&ua(s), d), None, "{s}");
        }
    }
}

#[test]
fn platforms() {
    let platform = |s: &BrowserSignals| identify(s).unwrap().platform;
    assert_eq!(platform(&ua(CHROME_WIN_158)), Desktop);
    assert_eq!(platform(&ua(CHROMEOS_158)), Desktop);
    assert_eq!(platform(&ua(CHROME_MAC_157)), Mac);
    assert_eq!(platform(&ua(CHROME_ANDROID_158)), Android);
    assert_eq!(platform(&ua(FIREFOX_ANDROID_161)), Android);
    assert_eq!(platform(&ua(SAFARI_IOS_26)), Ios);
    assert_eq!(platform(&ua(SAFARI_IPAD_17)), Ios);
    // iPadOS asks for the desktop site by default: a Mac, as far as we can tell.
    assert_eq!(platform(&ua(SAFARI_MAC_26)), Mac);
    // Chrome asking an Android phone's desktop site still says Android in its
    // userAgentData; `mobile` alone says so too (only Android's Chromium
    // reports from a phone).
    let mut s = ua(CHROME_LINUX_155);
    s.platform = "Android".into();
    assert_eq!(platform(&s), Android);
    assert_eq!(page_notice(&s, day(2030, 1, 1)), None);
    let mut s = ua(CHROME_LINUX_155);
    s.mobile = true;
    assert_eq!(platform(&s), Android);
    let mut s = ua(CHROME_LINUX_155);
    s.platform = "Linux".into();
    assert_eq!(platform(&s), Desktop);
}

// ---------------------------------------------------------------------------
// userAgentData brands and the Brave flag

const GREASE: (&str, &str) = ("Not)A;Brand", "8");

fn named(s: &BrowserSignals) -> Option<(Family, u32)> {
    identify(s).map(|b| (b.family, b.major))
}

#[test]
fn brands_name_the_browser() {
    let b = with_brands(
        CHROME_WIN_158,
        &[GREASE, ("Chromium", "158"), ("Google Chrome", "158")],
    );
    assert_eq!(named(&b), Some((Chrome, 158)));

    // Edge whose UA was overridden to plain Chrome, in either order.
    for brands in [
        [
            ("Not/A)Brand", "8"),
            ("Chromium", "158"),
            ("Microsoft Edge", "158"),
        ],
        [
            ("Microsoft Edge", "158"),
            ("Google Chrome", "158"),
            ("Chromium", "158"),
        ],
        [
            ("Google Chrome", "158"),
            ("Microsoft Edge", "158"),
            ("Chromium", "158"),
        ],
    ] {
        assert_eq!(
            named(&with_brands(CHROME_WIN_158, &brands)),
            Some((Edge, 158))
        );
    }

    let b = with_brands(
        OPERA_WIN,
        &[("Not A(Brand", "8"), ("Chromium", "137"), ("Opera", "121")],
    );
    assert_eq!(named(&b), Some((Opera, 121)));
    let b = with_brands(
        OPERA_GX,
        &[GREASE, ("Chromium", "137"), ("Opera GX", "121")],
    );
    assert_eq!(named(&b), Some((Opera, 121)));
    for brand in ["YaBrowser", "Yandex"] {
        let b = with_brands(YANDEX, &[GREASE, ("Chromium", "136"), (brand, "25.6")]);
        assert_eq!(named(&b), Some((Yandex, 25)));
    }
    let b = with_brands(
        CHROME_WIN_158,
        &[GREASE, ("Chromium", "158"), ("Vivaldi", "7.1")],
    );
    assert_eq!(named(&b), Some((Vivaldi, 7)));
    let b = with_brands(
        CHROME_WIN_158,
        &[("HeadlessChrome", "158"), ("Chromium", "158")],
    );
    assert_eq!(named(&b), Some((Chrome, 158)));
    // The brand's version where it has one; else the user agent's, when the
    // user agent names the same browser; else nothing to judge.
    let b = with_brands(EDGE_WIN_120, &[("Chromium", "120"), ("Microsoft Edge", "")]);
    assert_eq!(named(&b), Some((Edge, 120)));
    let b = with_brands(
        CHROME_WIN_153,
        &[("Chromium", "153"), ("Microsoft Edge", "")],
    );
    assert_eq!(named(&b), None);
    let b = with_brands(CHROME_WIN_153, &[("Google Chrome", "150")]);
    assert_eq!(named(&b), Some((Chrome, 150)));

    // A UA that pretends to be Firefox or Safari, or says nothing, in a
    // Chromium browser: Chromium at the brands' major.
    for s in [FIREFOX_WIN_161, SAFARI_MAC_26, "", GOOGLEBOT] {
        let b = with_brands(s, &[GREASE, ("Chromium", "150")]);
        assert_eq!(named(&b), Some((Chrome, 150)), "{s}");
    }
    let b = with_brands("", &[GREASE, ("Chromium", "")]);
    assert_eq!(named(&b), None);

    // Only "Chromium": the Chromium browser the UA names stays itself, at the
    // UA's major.
    let b = with_brands(VIVALDI, &[GREASE, ("Chromium", "92")]);
    assert_eq!(named(&b), Some((Vivaldi, 4)));
    let b = with_brands(CHROME_WIN_153, &[GREASE, ("Chromium", "150")]);
    assert_eq!(named(&b), Some((Chrome, 153)));

    // Only GREASE, whatever its spelling over the years: the UA decides.
    for grease in [
        "Not_A Brand",
        " Not A;Brand",
        ";Not A Brand",
        "Not?A_Brand",
        "",
    ] {
        let b = with_brands(CHROME_WIN_158, &[GREASE, (grease, "99")]);
        assert_eq!(named(&b), Some((Chrome, 158)), "{grease:?}");
    }

    // A browser we do not judge names itself: nothing, whatever the UA says
    // (and a brand that merely contains "Not" or "Brand" is not GREASE).
    for brand in [
        "Samsung Internet",
        "Android WebView",
        "Whale",
        "Opera Crypto",
        "Notion",
        "Brand New",
    ] {
        for s in [CHROME_WIN_158, CHROME_ANDROID_158, SAMSUNG] {
            let b = with_brands(s, &[GREASE, ("Chromium", "158"), (brand, "158")]);
            assert_eq!(named(&b), None, "{brand} {s}");
        }
        let b = with_brands(CHROME_WIN_158, &[("Google Chrome", "158"), (brand, "1")]);
        assert_eq!(named(&b), None, "{brand}");
    }
    // Only "Chromium" behind a fork's or an app's user agent.
    for s in [LINE_ANDROID, WHALE, SAMSUNG_DEX, ELECTRON_APP] {
        let b = with_brands(s, &[GREASE, ("Chromium", "120")]);
        assert_eq!(named(&b), None, "{s}");
    }
    // Brands past the 16th are not read.
    let mut many = vec![GREASE; 16];
    many.push(("Samsung Internet", "27"));
    assert_eq!(
        named(&with_brands(CHROME_WIN_158, &many)),
        Some((Chrome, 158))
    );
}

#[test]
fn brave_is_found_by_flag_or_brand() {
    let brave = |s: &str, brands: &[(&str, &str)]| {
        let mut signals = with_brands(s, brands);
        signals.brave = true;
        named(&signals)
    };
    assert_eq!(brave(CHROME_WIN_158, &[]), Some((Brave, 158)));
    assert_eq!(
        brave(CHROME_WIN_158, &[("Chromium", "157"), ("Brave", "156")]),
        Some((Brave, 156))
    );
    assert_eq!(
        brave(CHROME_WIN_158, &[("Chromium", "157")]),
        Some((Brave, 157))
    );
    assert_eq!(brave("", &[]), None);
    let b = identify(&with_brands(
        CHROME_WIN_158,
        &[GREASE, ("Chromium", "158"), ("Brave", "158")],
    ))
    .unwrap();
    assert_eq!((b.family, b.major), (Brave, 158));
    assert_eq!(verdict(&b, today()), NotRecommended);
}

// ---------------------------------------------------------------------------
// The release calendars

#[test]
fn anchors_are_exact() {
    assert_eq!(current_major(Chrome, day(2025, 6, 24)), Some(138));
    assert_eq!(current_major(Chrome, day(2026, 9, 8)), Some(153));
    assert_eq!(current_major(Chrome, day(2026, 11, 17)), Some(158));
    assert_eq!(current_major(Firefox, day(2025, 6, 24)), Some(140));
    assert_eq!(current_major(Firefox, day(2026, 8, 18)), Some(154));
    assert_eq!(current_major(Firefox, day(2026, 11, 24)), Some(161));
    assert_eq!(current_major(Safari, day(2025, 9, 15)), Some(26));
    assert_eq!(current_major(Edge, day(2026, 11, 17)), Some(158));
    assert_eq!(current_major(Opera, today()), None);
}

/// The brief's check anchors: Chrome 131 (2024-11-12) and Firefox 128
/// (2024-07-09) both come out one early-released major short on their own
/// release day: the calendars drift by one there, no more.
#[test]
fn second_anchors_drift_by_one_at_most() {
    assert_eq!(current_major(Chrome, day(2024, 11, 12)), Some(130));
    assert_eq!(current_major(Firefox, day(2024, 7, 9)), Some(127));
}

/// Real stable release days (chromiumdash, Mozilla release calendar). On each
/// the model is never more than one major off.
#[test]
fn model_tracks_real_release_days() {
    let chrome: &[(u32, (i64, u32, u32))] = &[
        (94, (2021, 9, 21)),
        (95, (2021, 10, 19)),
        (96, (2021, 11, 16)),
        (97, (2022, 1, 4)),
        (98, (2022, 2, 1)),
        (99, (2022, 3, 1)),
        (100, (2022, 3, 29)),
        (101, (2022, 4, 26)),
        (102, (2022, 5, 24)),
        (103, (2022, 6, 21)),
        (104, (2022, 8, 2)),
        (105, (2022, 8, 30)),
        (106, (2022, 9, 27)),
        (107, (2022, 10, 25)),
        (108, (2022, 11, 29)),
        (109, (2023, 1, 10)),
        (110, (2023, 2, 7)),
        (111, (2023, 3, 7)),
        (112, (2023, 4, 4)),
        (113, (2023, 5, 2)),
        (114, (2023, 5, 30)),
        (115, (2023, 7, 18)),
        (116, (2023, 8, 15)),
        (117, (2023, 9, 12)),
        (118, (2023, 10, 10)),
        (119, (2023, 10, 31)),
        (120, (2023, 12, 5)),
        (121, (2024, 1, 23)),
        (122, (2024, 2, 20)),
        (123, (2024, 3, 19)),
        (124, (2024, 4, 16)),
        (125, (2024, 5, 14)),
        (126, (2024, 6, 11)),
        (127, (2024, 7, 23)),
        (128, (2024, 8, 20)),
        (129, (2024, 9, 17)),
        (130, (2024, 10, 15)),
        (131, (2024, 11, 12)),
        (132, (2025, 1, 14)),
        (133, (2025, 2, 4)),
        (134, (2025, 3, 4)),
        (135, (2025, 4, 1)),
        (136, (2025, 4, 29)),
        (137, (2025, 5, 27)),
        (138, (2025, 6, 24)),
        (139, (2025, 8, 5)),
        (140, (2025, 9, 2)),
        (141, (2025, 9, 30)),
        (142, (2025, 10, 28)),
        (143, (2025, 12, 2)),
        (144, (2026, 1, 13)),
        (145, (2026, 2, 10)),
        (147, (2026, 4, 7)),
        (148, (2026, 5, 5)),
        (149, (2026, 6, 2)),
        (153, (2026, 9, 8)),
        (158, (2026, 11, 17)),
    ];
    let firefox: &[(u32, (i64, u32, u32))] = &[
        (100, (2022, 5, 3)),
        (101, (2022, 5, 31)),
        (102, (2022, 6, 28)),
        (103, (2022, 7, 26)),
        (104, (2022, 8, 23)),
        (105, (2022, 9, 20)),
        (106, (2022, 10, 18)),
        (107, (2022, 11, 15)),
        (108, (2022, 12, 13)),
        (109, (2023, 1, 17)),
        (110, (2023, 2, 14)),
        (111, (2023, 3, 14)),
        (112, (2023, 4, 11)),
        (113, (2023, 5, 9)),
        (114, (2023, 6, 6)),
        (115, (2023, 7, 4)),
        (116, (2023, 8, 1)),
        (117, (2023, 8, 29)),
        (118, (2023, 9, 26)),
        (119, (2023, 10, 24)),
        (120, (2023, 11, 21)),
        (121, (2023, 12, 19)),
        (122, (2024, 1, 23)),
        (123, (2024, 2, 20)),
        (124, (2024, 3, 19)),
        (125, (2024, 4, 16)),
        (126, (2024, 5, 14)),
        (127, (2024, 6, 11)),
        (128, (2024, 7, 9)),
        (129, (2024, 8, 6)),
        (130, (2024, 9, 3)),
        (131, (2024, 10, 1)),
        (132, (2024, 10, 29)),
        (133, (2024, 11, 26)),
        (134, (2025, 1, 7)),
        (135, (2025, 2, 4)),
        (136, (2025, 3, 4)),
        (137, (2025, 4, 1)),
        (138, (2025, 4, 29)),
        (139, (2025, 5, 27)),
        (140, (2025, 6, 24)),
        (141, (2025, 7, 22)),
        (142, (2025, 8, 19)),
        (143, (2025, 9, 16)),
        (144, (2025, 10, 14)),
        (145, (2025, 11, 11)),
        (146, (2025, 12, 9)),
        (147, (2026, 1, 13)),
        (148, (2026, 2, 24)),
        (149, (2026, 3, 24)),
        (153, (2026, 7, 21)),
        (154, (2026, 8, 18)),
        (155, (2026, 9, 1)),
        (156, (2026, 9, 15)),
        (157, (2026, 9, 29)),
        (158, (2026, 10, 13)),
        (159, (2026, 10, 27)),
    ];
    for (family, table) in [(Chrome, chrome), (Firefox, firefox)] {
        for &(major, (y, m, d)) in table {
            // On the release day and three weeks into the release.
            for offset in [0, 13] {
                let model = current_major(family, day(y, m, d) + offset).unwrap();
                assert!(
                    model.abs_diff(major) <= 1,
                    "{family:?} {major} released {y}-{m}-{d}: model says {model} at +{offset}"
                );
            }
        }
    }
}

#[test]
fn chrome_boundary_is_exact_to_the_day() {
    // The anchor release.
    assert_eq!(current_major(Chrome, day(2025, 6, 23)), Some(137));
    assert_eq!(current_major(Chrome, day(2025, 6, 24)), Some(138));
    // The next four-week-era step of the model (31.3 days on).
    assert_eq!(current_major(Chrome, day(2025, 7, 25)), Some(138));
    assert_eq!(current_major(Chrome, day(2025, 7, 26)), Some(139));
    // Two-week trains: 153 on 2026-09-08, 159 on 2026-12-01.
    assert_eq!(current_major(Chrome, day(2026, 9, 7)), Some(152));
    assert_eq!(current_major(Chrome, day(2026, 9, 8)), Some(153));
    assert_eq!(current_major(Chrome, day(2026, 11, 30)), Some(158));
    assert_eq!(current_major(Chrome, day(2026, 12, 1)), Some(159));
}

#[test]
fn firefox_boundary_is_exact_to_the_day() {
    assert_eq!(current_major(Firefox, day(2025, 7, 21)), Some(140));
    assert_eq!(current_major(Firefox, day(2025, 7, 22)), Some(141));
    assert_eq!(current_major(Firefox, day(2026, 8, 17)), Some(153));
    assert_eq!(current_major(Firefox, day(2026, 8, 18)), Some(154));
    assert_eq!(current_major(Firefox, day(2026, 11, 23)), Some(160));
    assert_eq!(current_major(Firefox, day(2026, 11, 24)), Some(161));
}

#[test]
fn safari_changes_on_september_15() {
    assert_eq!(current_major(Safari, day(2022, 9, 15)), Some(16));
    assert_eq!(current_major(Safari, day(2023, 9, 15)), Some(17));
    assert_eq!(current_major(Safari, day(2024, 9, 14)), Some(17));
    assert_eq!(current_major(Safari, day(2024, 9, 15)), Some(18));
    assert_eq!(current_major(Safari, day(2025, 9, 14)), Some(18));
    assert_eq!(current_major(Safari, day(2025, 9, 15)), Some(26));
    assert_eq!(current_major(Safari, day(2026, 9, 14)), Some(26));
    assert_eq!(current_major(Safari, day(2026, 9, 15)), Some(27));
    assert_eq!(current_major(Safari, day(2030, 12, 31)), Some(31));
}

// ---------------------------------------------------------------------------
// Thresholds

fn verdict_of(s: &str, on: i64) -> Verdict {
    verdict(&identify(&ua(s)).expect(s), on)
}

#[test]
fn two_cycles_behind_is_fine_three_is_outdated() {
    // Four-week era, raw majors: on 2025-10-20 Firefox 144 is current.
    let on = day(2025, 10, 20);
    assert_eq!(current_major(Firefox, on), Some(144));
    let ff = |m: u32| {
        format!("Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:{m}.0) Gecko/20100101 Firefox/{m}.0")
    };
    assert_eq!(verdict_of(&ff(142), on), Recommended);
    assert_eq!(verdict_of(&ff(141), on), outdated(144, 3));
    // Chrome, same era: 2025-10-28 Chrome 142 (model), 140 ok, 139 not.
    let on = day(2025, 10, 28);
    assert_eq!(current_major(Chrome, on), Some(142));
    let cr = |m: u32| {
        format!("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{m}.0.0.0 Safari/537.36")
    };
    assert_eq!(verdict_of(&cr(140), on), Recommended);
    assert_eq!(verdict_of(&cr(139), on), outdated(142, 3));
    // Two-week era: Chrome 155 was superseded on 2026-10-20; it turns
    // outdated 8 weeks later, on 2026-12-15 (when Chrome 160 is current).
    assert_eq!(verdict_of(CHROME_LINUX_155, day(2026, 12, 14)), Recommended);
    assert_eq!(
        verdict_of(CHROME_LINUX_155, day(2026, 12, 15)),
        outdated(160, 3)
    );
}

/// Apple keeps updating a Safari major for devices that cannot leave its OS
/// (iOS 18.7.x after iOS 26): Safari M from September of year Y is outdated
/// only from September 15 of Y + 6, on the Mac as on the iPhone.
#[test]
fn safari_is_outdated_only_once_apple_stops_updating_it() {
    // The brief's day: 18, 26 and 27 are all still updated by Apple.
    let on = day(2026, 11, 27);
    for s in [
        SAFARI_IOS_18,
        SAFARI_IOS_18_7,
        SAFARI_MAC_18,
        SAFARI_IOS_26,
        SAFARI_MAC_26,
        SAFARI_IOS_27,
        SAFARI_MAC_27,
    ] {
        assert_eq!(verdict_of(s, on), Recommended, "{s}");
        assert_eq!(page_notice(&ua(s), on), None, "{s}");
    }
    // Five years after each successor shipped.
    for (iphone, mac, major, last_day) in [
        (SAFARI_IOS_18, SAFARI_MAC_18, 18, day(2030, 9, 14)),
        (SAFARI_IOS_26, SAFARI_MAC_26, 26, day(2031, 9, 14)),
        (SAFARI_IOS_27, SAFARI_MAC_27, 27, day(2032, 9, 14)),
    ] {
        let current = current_major(Safari, last_day + 1).unwrap();
        for s in [iphone, mac] {
            assert_eq!(verdict_of(s, last_day), Recommended, "{s}");
            assert_eq!(verdict_of(s, last_day + 1), outdated(current, 6), "{s}");
        }
        let w = warning(&ua(iphone), last_day + 1).unwrap();
        assert_eq!(
            (w.code, w.message, params(&w)),
            (
                Code::BrowserOutdated,
                "w_browser_outdated_safari",
                vec![major.to_string()]
            )
        );
    }
    // iOS 15 (2021) was still patched in 2026; iOS 12's last fix came in
    // January 2023, and the rule calls it outdated from 2024-09-15.
    assert_eq!(verdict_of(SAFARI_IOS_15, day(2027, 9, 14)), Recommended);
    assert_eq!(verdict_of(SAFARI_IOS_15, day(2027, 9, 15)), outdated(28, 6));
    assert_eq!(verdict_of(SAFARI_IOS_12, day(2024, 9, 14)), Recommended);
    assert_eq!(verdict_of(SAFARI_IOS_12, day(2024, 9, 15)), outdated(18, 6));
    // 18 → 26 is one year, not eight majors.
    assert_eq!(verdict_of(SAFARI_MAC_18, day(2030, 9, 15)), outdated(31, 6));
    // Majors never released (19–25) count as 26's year, never ahead of it.
    let v25 = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/25.0 Safari/605.1.15";
    assert_eq!(verdict_of(v25, day(2031, 9, 14)), Recommended);
    assert_eq!(verdict_of(v25, day(2031, 9, 15)), outdated(32, 6));
}

/// Edge ships each Chromium major within days of Chrome: on any day an Edge
/// and a Chrome of the same major get the same verdict.
#[test]
fn edge_follows_chrome_to_the_day() {
    let edge = |m: u32| {
        format!("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{m}.0.0.0 Safari/537.36 Edg/{m}.0.3400.50")
    };
    let chrome = |m: u32| {
        format!("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{m}.0.0.0 Safari/537.36")
    };
    for on in [
        day(2025, 10, 28),
        day(2026, 9, 7),
        day(2026, 9, 8),
        today(),
        day(2026, 12, 14),
        day(2026, 12, 15),
        day(2027, 6, 1),
    ] {
        for m in [120, 139, 140, 150, 153, 155, 158, 160, 170] {
            assert_eq!(
                verdict_of(&edge(m), on),
                verdict_of(&chrome(m), on),
                "Edge {m} on day {on}"
            );
        }
    }
    // The same boundary as Chrome 155: fine on 2026-12-14, outdated the next day.
    assert_eq!(verdict_of(&edge(155), day(2026, 12, 14)), Recommended);
    assert_eq!(verdict_of(&edge(155), day(2026, 12, 15)), outdated(160, 3));
    // An Edge whose user agent was overridden to plain Chrome is still Edge.
    let hidden = with_brands(
        &chrome(120),
        &[GREASE, ("Chromium", "120"), ("Microsoft Edge", "120")],
    );
    let w = warning(&hidden, today()).unwrap();
    assert_eq!(
        (w.code, w.message),
        (Code::BrowserOutdated, "w_browser_outdated_edge")
    );
    let current = with_brands(
        &chrome(158),
        &[GREASE, ("Chromium", "158"), ("Microsoft Edge", "158")],
    );
    assert_eq!(page_notice(&current, today()), None);
}

#[test]
fn ahead_of_the_estimate_is_never_behind() {
    assert_eq!(verdict_of(CHROME_BETA_159, today()), Recommended);
    assert_eq!(verdict_of(SAFARI_MAC_27, day(2026, 6, 10)), Recommended); // beta
    let nightly = "Mozilla/5.0 (X11; Linux x86_64; rv:163.0) Gecko/20100101 Firefox/163.0";
    assert_eq!(verdict_of(nightly, today()), Recommended);
    assert_eq!(
        verdict_of("Mozilla/5.0 Chrome/4000000000.0", today()),
        Recommended
    );
}

// ---------------------------------------------------------------------------
// Firefox ESR

#[test]
fn esr_overlap_ends_twelve_weeks_after_the_next_esr() {
    // 140 shipped 2025-06-24, so 128 is supported through 2025-09-15.
    assert_eq!(
        verdict_of(FIREFOX_ESR_128, day(2025, 9, 15)),
        RecommendedEsr
    );
    assert!(matches!(
        verdict_of(FIREFOX_ESR_128, day(2025, 9, 16)),
        Verdict::Outdated { .. }
    ));
    // 153 shipped 2026-07-21, so 140 is supported through 2026-10-12.
    assert_eq!(
        verdict_of(FIREFOX_ESR_140, day(2026, 10, 12)),
        RecommendedEsr
    );
    assert!(matches!(
        verdict_of(FIREFOX_ESR_140, day(2026, 10, 13)),
        Verdict::Outdated { .. }
    ));
    // 115 ended with 128's overlap.
    assert_eq!(
        verdict_of(FIREFOX_ESR_115_WIN7, day(2024, 9, 30)),
        RecommendedEsr
    );
    assert!(matches!(
        verdict_of(FIREFOX_ESR_115_WIN7, day(2024, 10, 1)),
        Verdict::Outdated { .. }
    ));
}

#[test]
fn esr_current_release_is_just_recommended() {
    // On its release day 140 is simply the current Firefox.
    assert_eq!(verdict_of(FIREFOX_ESR_140, day(2025, 6, 24)), Recommended);
    // Later, once the regular release moved on, it is the ESR.
    assert_eq!(
        verdict_of(FIREFOX_ESR_140, day(2025, 10, 1)),
        RecommendedEsr
    );
    // A non-ESR major the same distance behind is outdated.
    let ff139 = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:139.0) Gecko/20100101 Firefox/139.0";
    assert!(matches!(
        verdict_of(ff139, day(2025, 10, 1)),
        Verdict::Outdated { .. }
    ));
}

#[test]
fn esr_after_the_known_list() {
    // ESR 153 is assumed supported until 12 weeks after a 2027 ESR expected
    // on 2027-07-01.
    assert_eq!(
        verdict_of(FIREFOX_ESR_153, day(2027, 6, 30)),
        RecommendedEsr
    );
    assert_eq!(
        verdict_of(FIREFOX_ESR_153, day(2027, 9, 22)),
        RecommendedEsr
    );
    assert!(matches!(
        verdict_of(FIREFOX_ESR_153, day(2027, 9, 23)),
        Verdict::Outdated { .. }
    ));
    // Not the brief's "every 13 majors": with the two-week train 166 is an
    // ordinary release (early 2027) and is outdated by autumn.
    let ff166 = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:166.0) Gecko/20100101 Firefox/166.0";
    assert!(matches!(
        verdict_of(ff166, day(2027, 9, 1)),
        Verdict::Outdated { .. }
    ));
    // A major current around 2027-07-01 is taken for the 2027 ESR.
    let m = current_major(Firefox, day(2027, 7, 1)).unwrap();
    let esr =
        format!("Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:{m}.0) Gecko/20100101 Firefox/{m}.0");
    assert_eq!(verdict_of(&esr, day(2028, 1, 15)), RecommendedEsr);
}

/// The yearly ESR after the known list is taken to be one only from its
/// assumed release day (July 1): a few days before, a major of its window is
/// just a recent release, judged as any other.
#[test]
fn a_future_esr_counts_from_its_release_day() {
    let m = current_major(Firefox, day(2027, 6, 12)).unwrap();
    let ff =
        format!("Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:{m}.0) Gecko/20100101 Firefox/{m}.0");
    assert_eq!(verdict_of(&ff, day(2027, 6, 30)), Recommended);
    assert_eq!(verdict_of(&ff, day(2027, 7, 1)), RecommendedEsr);
    // The ESR before it stays supported through that overlap either way.
    assert_eq!(
        verdict_of(FIREFOX_ESR_153, day(2027, 6, 30)),
        RecommendedEsr
    );
}

#[test]
fn no_esr_on_android() {
    // 153 is the supported ESR on the desktop, and simply old on Android.
    assert_eq!(verdict_of(FIREFOX_ESR_153, today()), RecommendedEsr);
    assert_eq!(verdict_of(FIREFOX_ANDROID_153, today()), outdated(161, 4));
}

// ---------------------------------------------------------------------------
// Notices

#[test]
fn recommended_browsers_get_no_notice() {
    for s in [
        CHROME_WIN_158,
        CHROME_MAC_157,
        CHROMEOS_158,
        EDGE_WIN_158,
        EDGE_MAC_157,
        FIREFOX_WIN_161,
        FIREFOX_ANDROID_161,
        FIREFOX_ESR_153,
        SAFARI_MAC_18,
        SAFARI_MAC_27,
        SAFARI_IOS_18,
        SAFARI_IOS_26,
    ] {
        assert_eq!(page_notice(&ua(s), today()), None, "{s}");
    }
}

/// Each kind of notice: its code, message, params, level and cause.
#[test]
fn notices_carry_code_level_message_params_and_cause() {
    let one = |s: &BrowserSignals| {
        let n = page_notice(s, today()).expect("a notice");
        let w = n.warning;
        assert_eq!(w.field, None, "about the page");
        assert_eq!(w.fix, None);
        assert!(w.readback.is_empty());
        (w.code, w.message, params(&w), w.level, n.cause)
    };
    use Code::{BrowserNotRecommended as NotRec, BrowserOutdated as Old};
    use Level::{Info, Warning as Warn};

    // Outdated: the user can update now. Only the user's own major is a
    // param: the estimated current one is no text's business.
    for (s, message, major, cause) in [
        (
            CHROME_WIN_153,
            "w_browser_outdated_chrome",
            "153",
            "outdated:chrome:153",
        ),
        (
            CHROME_MAC_138,
            "w_browser_outdated_chrome",
            "138",
            "outdated:chrome:138",
        ),
        (
            EDGE_WIN_153,
            "w_browser_outdated_edge",
            "153",
            "outdated:edge:153",
        ),
        (
            FIREFOX_LINUX_156,
            "w_browser_outdated_firefox",
            "156",
            "outdated:firefox:156",
        ),
        (
            FIREFOX_ANDROID_153,
            "w_browser_outdated_firefox_android",
            "153",
            "outdated:firefox:153",
        ),
        (
            SAFARI_MAC_14,
            "w_browser_outdated_safari",
            "14",
            "outdated:safari:14",
        ),
        (
            SAFARI_IOS_12,
            "w_browser_outdated_safari",
            "12",
            "outdated:safari:12",
        ),
    ] {
        assert_eq!(
            one(&ua(s)),
            (
                Old,
                message,
                vec![major.to_string()],
                Warn,
                cause.to_string()
            ),
            "{s}"
        );
    }
    // Not listed: a hint for when the login misbehaves, naming the browser.
    let mut brave = ua(CHROME_WIN_158);
    brave.brave = true;
    let mut brave_mac = ua(CHROME_MAC_157);
    brave_mac.brave = true;
    for (s, message, name, cause) in [
        (
            brave,
            "w_browser_not_recommended",
            "Brave",
            "not-recommended:brave",
        ),
        (
            brave_mac,
            "w_browser_not_recommended_mac",
            "Brave",
            "not-recommended:brave",
        ),
        (
            ua(OPERA_WIN),
            "w_browser_not_recommended",
            "Opera",
            "not-recommended:opera",
        ),
        (
            ua(OPERA_MAC),
            "w_browser_not_recommended_mac",
            "Opera",
            "not-recommended:opera",
        ),
        (
            ua(VIVALDI),
            "w_browser_not_recommended",
            "Vivaldi",
            "not-recommended:vivaldi",
        ),
        (
            ua(YANDEX),
            "w_browser_not_recommended",
            "Yandex Browser",
            "not-recommended:yandex",
        ),
    ] {
        assert_eq!(
            one(&s),
            (
                NotRec,
                message,
                vec![name.to_string()],
                Info,
                cause.to_string()
            )
        );
    }
}

/// What a notice advises can be done where the user is: Firefox on Android is
/// updated from Google Play, not from a desktop menu, and Safari is offered as
/// another browser only on a Mac. The texts are checked in both locales.
#[test]
fn the_advice_fits_the_platform() {
    let text = |key: &str, locale: &str| -> String {
        let messages: serde_json::Value = serde_json::from_str(locale).unwrap();
        messages[key]["message"].as_str().expect(key).to_string()
    };
    let ja = include_str!("../extension/_locales/ja/messages.json");
    let en = include_str!("../extension/_locales/en/messages.json");
    let message = |s: &str| warning(&ua(s), today()).expect(s).message;

    let android = message(FIREFOX_ANDROID_153);
    assert_eq!(android, "w_browser_outdated_firefox_android");
    assert!(text(android, ja).contains("Google Play"));
    assert!(text(android, en).contains("Google Play"));
    let desktop = message(FIREFOX_LINUX_156);
    assert!(text(desktop, ja).contains("Firefox について"));
    assert!(!text(desktop, ja).contains("Google Play"));

    let pc = message(OPERA_WIN);
    let mac = message(OPERA_MAC);
    for locale in [ja, en] {
        assert!(!text(pc, locale).contains("Safari"), "{pc}");
        assert!(text(pc, locale).contains("Chrome") && text(pc, locale).contains("Firefox"));
        assert!(text(mac, locale).contains("Safari"), "{mac}");
    }
    // No text offers Safari where there is none, nor an estimated latest
    // version ("the latest is about 159").
    for locale in [ja, en] {
        let messages: serde_json::Value = serde_json::from_str(locale).unwrap();
        for (key, entry) in messages.as_object().unwrap() {
            if !key.starts_with("w_browser_") {
                continue;
            }
            let placeholders = entry["placeholders"].as_object();
            assert!(
                placeholders.is_none_or(|p| !p.contains_key("current")),
                "{key}"
            );
            if key.ends_with("_android") || key == "w_browser_not_recommended" {
                assert!(
                    !entry["message"].as_str().unwrap().contains("Safari"),
                    "{key}"
                );
            }
        }
    }
}

/// A closed notice stays away until its cause changes: the same browser on
/// another day has the same cause, another major of an outdated browser
/// another one, and an updated, current browser has no notice at all.
#[test]
fn causes_change_only_with_what_the_notice_is_about() {
    let chrome = |m: u32| {
        format!("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{m}.0.0.0 Safari/537.36")
    };
    let edge = |m: u32| {
        format!("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{m}.0.0.0 Safari/537.36 Edg/{m}.0.3400.50")
    };
    let cause = |s: &str, on: i64| page_notice(&ua(s), on).map(|n| n.cause);
    let later = today() + 45;
    assert_eq!(cause(&chrome(120), today()), cause(&chrome(120), later));
    assert_eq!(
        cause(&chrome(120), today()).as_deref(),
        Some("outdated:chrome:120")
    );
    assert_ne!(cause(&chrome(120), today()), cause(&chrome(121), today()));
    assert_ne!(cause(&chrome(120), today()), cause(&edge(120), today()));
    assert_eq!(cause(&chrome(158), today()), None);
    assert_eq!(
        cause(SAFARI_MAC_14, today()),
        cause(SAFARI_MAC_14, day(2035, 1, 1))
    );
    // Not listed: one cause for the browser, whatever its version or the day.
    let opera_122 = OPERA_WIN.replace("OPR/121", "OPR/122");
    assert_eq!(cause(OPERA_WIN, today()), cause(&opera_122, later));
    assert_eq!(cause(OPERA_WIN, today()), cause(OPERA_MAC, today()));
    assert_ne!(cause(OPERA_WIN, today()), cause(VIVALDI, today()));
    // The cause does not depend on the text: Firefox on a computer and on
    // Android at the same major are the same cause.
    let ff_android_156 = FIREFOX_ANDROID_153.replace("153", "156");
    assert_eq!(
        cause(FIREFOX_LINUX_156, today()),
        cause(&ff_android_156, today())
    );
}

/// Every message key the notices name is produced by some user agent on some
/// day, and carries as many params as its text has placeholders.
#[test]
fn every_message_key_is_reachable() {
    let source = include_str!("../src/browser/notice.rs");
    let named: std::collections::BTreeSet<&str> = source
        .match_indices("\"w_browser_")
        .filter_map(|(i, _)| source[i + 1..].split('"').next())
        .collect();
    assert_eq!(named.len(), 7, "{named:?}");

    let mut brave = ua(CHROME_MAC_157);
    brave.brave = true;
    let mut signals: Vec<BrowserSignals> = judged_today().iter().map(|c| ua(c.ua)).collect();
    signals.push(brave);
    let produced: std::collections::BTreeMap<&str, Vec<String>> = signals
        .iter()
        .filter_map(|s| warning(s, today()))
        .map(|w| (w.message, params(&w)))
        .collect();
    let produced_keys: std::collections::BTreeSet<&str> = produced.keys().copied().collect();
    assert_eq!(produced_keys, named);

    for locale in [
        include_str!("../extension/_locales/ja/messages.json"),
        include_str!("../extension/_locales/en/messages.json"),
    ] {
        let messages: serde_json::Value = serde_json::from_str(locale).unwrap();
        for (key, params) in &produced {
            let entry = &messages[key];
            assert!(entry["message"].is_string(), "{key} missing");
            let placeholders = entry["placeholders"].as_object().map_or(0, |p| p.len());
            assert_eq!(placeholders, params.len(), "{key}");
        }
        let browser_keys = messages
            .as_object()
            .unwrap()
            .keys()
            .filter(|k| k.starts_with("w_browser_"))
            .count();
        assert_eq!(browser_keys, named.len(), "no key left over");
    }
}

#[test]
fn family_keys() {
    let keys: Vec<&str> = [Chrome, Edge, Opera, Brave, Vivaldi, Yandex, Firefox, Safari]
        .iter()
        .map(|f| f.key())
        .collect();
    assert_eq!(
        keys,
        ["chrome", "edge", "opera", "brave", "vivaldi", "yandex", "firefox", "safari"]
    );
}

#[test]
fn a_notice_is_a_plain_value() {
    let n: BrowserNotice = page_notice(&ua(CHROME_WIN_153), today()).unwrap();
    assert_eq!(n.clone(), n);
}

// ---------------------------------------------------------------------------
// Robustness

#[test]
fn never_panics_on_odd_input() {
    let long = format!("{} {}", CHROME_WIN_158, "x".repeat(100_000));
    let long_unicode = "パソナ🦀".repeat(10_000);
    let mut late_token = "a".repeat(1_999);
    late_token.push_str(" Chrome/158");
    let odd: Vec<String> = vec![
        String::new(),
        " ".into(),
        "0123456789".repeat(50),
        "Chrome/".into(),
        "Chrome/99999999999999999999".into(),
        "Chrome/-1".into(),
        "Firefox/".into(),
        "Version/ Safari/".into(),
        "Trident/".into(),
        "MSIE ".into(),
        "Edg/Edg/Edg/".into(),
        "Edg/".into(),
        "/////".into(),
        "((((((".into(),
        "))))))".into(),
        "(a/1) (b/2))) Chrome/1".into(),
        "\0\u{7f}\u{feff}\u{200b}".into(),
        "Mozilla/5.0 (iPhone; CPU iPhone OS 18_6 like Mac OS X) 🦀 Version/２６.0 Safari/604.1"
            .into(),
        long,
        long_unicode,
        late_token.clone(),
    ];
    let days = [i64::MIN, -1, 0, 1, today(), 2_932_896, 10_000_000, i64::MAX];
    for s in &odd {
        for brave in [false, true] {
            let mut signals = with_brands(
                s,
                &[
                    ("", ""),
                    ("Chromium", "99999999999999999999"),
                    ("Google Chrome", "-5"),
                    ("🦀", "１２３"),
                ],
            );
            signals.brave = brave;
            for &d in &days {
                if let Some(b) = identify(&signals) {
                    let _ = verdict(&b, d);
                }
                let _ = page_notice(&signals, d);
                let _ = page_notice(&ua(s), d);
            }
        }
    }
    // A token past the 2,000-byte cap is not read.
    assert_eq!(identify(&ua(&late_token)), None);
    assert_eq!(identify(&ua("Chrome/99999999999999999999")), None);
    assert_eq!(identify(&ua("Mozilla/5.0 Edg/")), None);
    for family in [Chrome, Edge, Firefox, Safari] {
        for d in days {
            let _ = current_major(family, d);
        }
    }
    // Any browser at any major on any day.
    for family in [Chrome, Edge, Opera, Brave, Vivaldi, Yandex, Firefox, Safari] {
        for major in [0, 1, 19, 25, 153, 166, 100_000, u32::MAX] {
            for platform in [Desktop, Mac, Android, Ios] {
                for d in days {
                    let _ = verdict(
                        &Browser {
                            family,
                            major,
                            platform,
                        },
                        d,
                    );
                }
            }
        }
    }
}

#[test]
fn before_the_models_start_nothing_is_outdated() {
    assert_eq!(current_major(Safari, day(2005, 1, 1)), None);
    assert_eq!(current_major(Chrome, 0), None);
    // Counted back, the trains reach major 0 around 2013: no major at all.
    for family in [Chrome, Firefox, Safari] {
        for d in day(2008, 1, 1)..day(2016, 1, 1) {
            assert_ne!(current_major(family, d), Some(0), "{family:?} on {d}");
        }
    }
    assert!(current_major(Chrome, day(2013, 1, 1)).is_none());
    assert!(current_major(Chrome, day(2015, 1, 1)).is_some());
    assert_eq!(verdict_of(CHROME_XP_49, 0), Recommended);
    for family in [Opera, Brave, Vivaldi, Yandex] {
        assert_eq!(current_major(family, today()), None);
    }
}

// ---------------------------------------------------------------------------
// The date helper

#[test]
fn civil_dates() {
    assert_eq!(day(1970, 1, 1), 0);
    assert_eq!(day(1970, 1, 2), 1);
    assert_eq!(day(1969, 12, 31), -1);
    assert_eq!(day(2000, 1, 1), 10_957);
    assert_eq!(day(2000, 3, 1), 11_017); // 2000 is a leap year
    assert_eq!(day(2100, 3, 1) - day(2100, 2, 28), 1); // 2100 is not
    assert_eq!(day(2024, 2, 29) + 1, day(2024, 3, 1));
    assert_eq!(day(2025, 6, 24), 20_263);
    // JS: Math.floor(Date.UTC(2026, 10, 26) / 86400000)
    assert_eq!(today(), 20_783);
    assert_eq!(day(9999, 12, 31), 2_932_896);
    assert_eq!(civil_from_days(20_263), (2025, 6, 24));
    assert_eq!(civil_from_days(-719_468), (0, 3, 1));
    for d in [-1_000_000, -1, 0, 59, 60, 11_016, 20_783, 2_932_896] {
        let (y, m, dd) = civil_from_days(d);
        assert_eq!(day(y, m, dd), d);
    }
    // Extreme inputs are clamped, not overflowed.
    let _ = civil_from_days(i64::MIN);
    let _ = civil_from_days(i64::MAX);
    let billion = 1_000_000_000;
    assert_eq!(days_from_civil(i64::MAX, 12, 31), day(billion, 12, 31));
    assert_eq!(days_from_civil(i64::MIN, 1, 1), day(-billion, 1, 1));
    assert!(day(-billion, 1, 1) < day(billion - 1, 1, 1));
}
