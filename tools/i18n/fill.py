#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Fills a Qt Linguist .ts file from a JSON dictionary of translations (translations/README.md).

    tools/i18n/fill.py translations/outcrop_de.ts translations/de.json
    tools/i18n/fill.py --missing translations/outcrop_ja.ts translations/ja.json   # prints a skeleton

The dictionary maps a context (the class) to its strings:

    {"MainWindow": {"&File": "&Datei",
                    "Active ## deployment status": "Active",
                    "%n deployment(s)": ["%n Deployment", "%n Deployments"]}}

A key is the English source; when the source has a disambiguation comment, the key is
"source ## comment". A plural (%n) source takes a list: German two forms (one, other), Japanese one.

Every message found in the dictionary is written as finished; every other one stays unfinished
and is listed on stderr (exit status 1), so tests/i18n/tst_translations keeps failing until the
dictionary covers it. Checks each translation: the same %1..%99 and %n placeholders as the source,
and exactly one keyboard accelerator (&) when the source has one.
"""
import argparse
import json
import re
import sys
import xml.etree.ElementTree as ET

SEPARATOR = " ## "
PLACEHOLDER = re.compile(r"%L?(\d{1,2}|n)")
# A single & followed by a character that is not & (a literal ampersand is written "&&").
ACCELERATOR = re.compile(r"(?<!&)&(?!&)(?=\S)")


def message_key(source, comment):
    return source + SEPARATOR + comment if comment else source


def placeholders(text):
    return sorted(set(m.group(1) for m in PLACEHOLDER.finditer(text)))


def accelerators(text):
    return len(ACCELERATOR.findall(text.replace("&&", "")))


def check(context, key, source, forms, numerus):
    problems = []
    for form in forms:
        # A plural form may leave out %n ("Jede Sekunde" for n = 1).
        wanted = [p for p in placeholders(source) if not (numerus and p == "n")]
        have = [p for p in placeholders(form) if not (numerus and p == "n")]
        if have != wanted:
            problems.append(f"{context}: {key!r}: placeholders {placeholders(form)} differ from the source's {placeholders(source)} in {form!r}")
        if accelerators(source) == 1 and accelerators(form) != 1:
            problems.append(f"{context}: {key!r}: needs exactly one & accelerator: {form!r}")
        if accelerators(source) == 0 and accelerators(form) != 0:
            problems.append(f"{context}: {key!r}: has an & accelerator the source has not: {form!r}")
    return problems


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("ts")
    parser.add_argument("dictionary")
    parser.add_argument("--missing", action="store_true",
                        help="print the untranslated messages as a JSON skeleton to fill in")
    args = parser.parse_args()

    with open(args.dictionary, encoding="utf-8") as f:
        dictionary = json.load(f)
    tree = ET.parse(args.ts)
    root = tree.getroot()
    numerus_count = 2 if root.get("language", "").startswith("de") else 1

    missing = {}
    problems = []
    used = set()
    for context in root.iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            source = message.findtext("source")
            comment = message.findtext("comment") or ""
            key = message_key(source, comment)
            translation = message.find("translation")
            value = dictionary.get(name, {}).get(key)
            if value is None:
                missing.setdefault(name, {})[key] = [source] * numerus_count if message.get("numerus") == "yes" else source
                continue
            used.add((name, key))
            numerus = message.get("numerus") == "yes"
            forms = value if isinstance(value, list) else [value]
            if numerus and len(forms) != numerus_count:
                problems.append(f"{name}: {key!r}: needs {numerus_count} plural forms, has {len(forms)}")
                continue
            if not numerus and isinstance(value, list):
                problems.append(f"{name}: {key!r}: is not a plural, give one string")
                continue
            problems += check(name, key, source, forms, numerus)
            for child in list(translation):
                translation.remove(child)
            translation.text = None
            if numerus:
                for form in forms:
                    ET.SubElement(translation, "numerusform").text = form
            else:
                translation.text = value
            translation.attrib.pop("type", None)

    unused = [f"{context}: {key!r}" for context, entries in dictionary.items() for key in entries
              if (context, key) not in used]
    with open(args.ts, "wb") as f:
        f.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        ET.indent(tree, space="    ")
        tree.write(f, encoding="utf-8", xml_declaration=False)
        f.write(b"\n")

    if args.missing:
        json.dump(missing, sys.stdout, ensure_ascii=False, indent=2)
        print()
    for line in problems:
        print(f"{args.ts}: {line}", file=sys.stderr)
    for line in unused:
        print(f"{args.dictionary}: not in {args.ts} (stale entry?): {line}", file=sys.stderr)
    count = sum(len(v) for v in missing.values())
    if count:
        print(f"{args.ts}: {count} messages have no translation in {args.dictionary}", file=sys.stderr)
    return 1 if count or problems else 0


if __name__ == "__main__":
    sys.exit(main())
