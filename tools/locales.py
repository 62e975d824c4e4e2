#!/usr/bin/env python3
"""Adds or updates messages in both locales at once, keeping them in step.
Usage: python3 tools/locales.py  (edit MESSAGES below first). Existing keys not
listed here are kept as they are."""
import collections
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent / "extension" / "_locales"


def update(messages):
    for lang in ("ja", "en"):
        path = ROOT / lang / "messages.json"
        data = json.loads(path.read_text(encoding="utf-8"), object_pairs_hook=collections.OrderedDict)
        for key, texts in messages.items():
            entry = collections.OrderedDict(message=texts[lang])
            placeholders = texts.get("placeholders")
            if placeholders:
                entry["placeholders"] = {
                    name: {"content": f"${i + 1}", "example": example}
                    for i, (name, example) in enumerate(placeholders)
                }
            data[key] = entry
        path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    update(json.load(sys.stdin))
