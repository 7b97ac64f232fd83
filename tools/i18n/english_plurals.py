#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Writes translations/outcrop_en.ts: the English plural forms of every %n message.

The sources are English, so English needs no translation except for plurals: "%n deployment(s)"
becomes "1 deployment" / "2 deployments". The numerus messages are taken from outcrop_de.ts (kept
complete by tst_translations); "(s)" is dropped for one and becomes "s" for other. Run it after
update_translations when a %n string is added or changed.
"""
import html
import pathlib
import xml.etree.ElementTree as ET

ROOT = pathlib.Path(__file__).resolve().parents[2]
SPECIAL = {
    "and %n more": ("and %n more", "and %n more"),
    "%n Active": ("%n Active", "%n Active"),
    "%n Failed": ("%n Failed", "%n Failed"),
    "%n deployments changed": ("%n deployment changed", "%n deployments changed"),
    "in %n regions": ("in %n region", "in %n regions"),
    "%n accounts": ("%n account", "%n accounts"),
}


def main():
    tree = ET.parse(ROOT / "translations" / "outcrop_de.ts")
    out = ['<?xml version="1.0" encoding="utf-8"?>', "<!DOCTYPE TS>", '<TS version="2.1" language="en">',
           "<!-- English plural forms only (the sources are English): generated from the numerus",
           "     messages of outcrop_de.ts by tools/i18n/english_plurals.py; see translations/README.md. -->"]
    for context in tree.getroot().findall("context"):
        messages = [m for m in context.findall("message") if m.get("numerus") == "yes"]
        if not messages:
            continue
        out += ["<context>", "    <name>%s</name>" % html.escape(context.find("name").text, quote=False)]
        for message in messages:
            source = message.find("source").text
            one, other = SPECIAL.get(source, (source.replace("(s)", ""), source.replace("(s)", "s")))
            out += ['    <message numerus="yes">', "        <source>%s</source>" % html.escape(source, quote=False)]
            comment = message.find("comment")
            if comment is not None and comment.text:
                out.append("        <comment>%s</comment>" % html.escape(comment.text, quote=False))
            out += ["        <translation>",
                    "            <numerusform>%s</numerusform>" % html.escape(one, quote=False),
                    "            <numerusform>%s</numerusform>" % html.escape(other, quote=False),
                    "        </translation>", "    </message>"]
        out.append("</context>")
    out.append("</TS>")
    (ROOT / "translations" / "outcrop_en.ts").write_text("\n".join(out) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
