"""Turn WordPress posts (scraped page text, saved pages, WXR exports) into Pelican Markdown.

The pipeline, one module per stage:

    readers/  bytes -> RawPost (lines with hints, facts from markup, comments)
    decode    bytes -> text (BOM, Windows-1252, CRLF, mojibake)
    clean     lines -> body / comments / facts / stripped, by named rules (rules.py)
    structure body lines -> Markdown blocks (headings, lists, quotes, links, notes)
    metadata  facts + overrides -> Pelican metadata, each field with where it came from
    write     Markdown + comments archive on disk, with provenance and edit detection
    report    what happened, for people (stdout) and machines (JSON)
"""
