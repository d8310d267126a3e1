"""Ways to damage a Word file or a text file, each a function of the bytes and a seeded random.

A mutation changes one thing, so that a failing case is one step away from a real file and
its cause can be read off the mutation's name. They are grouped by fault class (the rows of
the report's table): byte damage, zip entries dropped, doubled or renamed, truncation, broken
or hostile XML inside ``word/document.xml``, lying or huge declared sizes, zips inside zips,
and wrong content types or relationships. Every mutation is deterministic for a given seed.
"""

from __future__ import annotations

import io
import random
import re
import struct
import warnings
import zipfile
from collections.abc import Callable

from tests.fuzz.budget import heavy

Mutation = Callable[[bytes, random.Random], bytes]

DOCUMENT = "word/document.xml"
CONTENT_TYPES = "[Content_Types].xml"
MAIN_RELS = "_rels/.rels"
DOCUMENT_RELS = "word/_rels/document.xml.rels"
MAIN_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"

# Bytes of a real zip bomb's payload in CI (the reader's promised limit is about 50 MB of
# uncompressed package); the campaign may ask for more.
BOMB_BYTES = 64 * 1024 * 1024


# --- reading and writing packages ------------------------------------------------------------


def entries(data: bytes) -> list[tuple[zipfile.ZipInfo, bytes]]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return [(info, archive.read(info)) for info in archive.infolist()]


def build(parts: list[tuple[str, bytes]], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    """A zip of ``parts`` in order; a name may appear twice (zipfile warns, we mean it)."""
    buffer = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "Duplicate name": a doubled entry is the point
        with zipfile.ZipFile(buffer, "w", method) as archive:
            for name, payload in parts:
                archive.writestr(zipfile.ZipInfo(name, (1980, 1, 1, 0, 0, 0)), payload, method)
    return buffer.getvalue()


def repack(data: bytes, change: Callable[[list[tuple[str, bytes]]], list[tuple[str, bytes]]]):
    return build(change([(info.filename, payload) for info, payload in entries(data)]))


def replace_part(data: bytes, name: str, change: Callable[[bytes], bytes]) -> bytes:
    return repack(data, lambda parts: [(n, change(p) if n == name else p) for n, p in parts])


# --- byte damage -----------------------------------------------------------------------------


def flip_bits(data: bytes, rng: random.Random) -> bytes:
    damaged = bytearray(data)
    for _ in range(rng.randint(1, 16)):
        damaged[rng.randrange(len(damaged))] ^= 1 << rng.randrange(8)
    return bytes(damaged)


def overwrite_run(data: bytes, rng: random.Random) -> bytes:
    at = rng.randrange(len(data))
    run = bytes(rng.choice([0, 0xFF, 0x7F, 0x80, rng.randrange(256)]) for _ in range(64))
    return data[:at] + run[: rng.randint(1, 64)] + data[at + 64 :]


def insert_bytes(data: bytes, rng: random.Random) -> bytes:
    at = rng.randrange(len(data))
    return data[:at] + rng.randbytes(rng.randint(1, 256)) + data[at:]


def delete_run(data: bytes, rng: random.Random) -> bytes:
    at = rng.randrange(len(data))
    return data[:at] + data[at + rng.randint(1, 512) :]


def splice(data: bytes, rng: random.Random) -> bytes:
    """A chunk of the file copied over another place: plausible-looking garbage."""
    src, dst = rng.randrange(len(data)), rng.randrange(len(data))
    size = rng.randint(4, 1024)
    return data[:dst] + data[src : src + size] + data[dst + size :]


# --- entries dropped, doubled, renamed -------------------------------------------------------


def drop_entry(data: bytes, rng: random.Random) -> bytes:
    def change(parts):
        names = [n for n, _ in parts]
        key = rng.choice([DOCUMENT, CONTENT_TYPES, MAIN_RELS, DOCUMENT_RELS, *names])
        return [(n, p) for n, p in parts if n != key]

    return repack(data, change)


def drop_many(data: bytes, rng: random.Random) -> bytes:
    return repack(data, lambda parts: [(n, p) for n, p in parts if rng.random() < 0.5])


def duplicate_entry(data: bytes, rng: random.Random) -> bytes:
    """An entry twice: the copy is the same, empty, garbage, or another part's content."""

    def change(parts):
        name, payload = rng.choice([(n, p) for n, p in parts if n == DOCUMENT] + parts)
        copy = rng.choice([payload, b"", rng.randbytes(100), rng.choice(parts)[1]])
        at = rng.randrange(len(parts) + 1)
        return [*parts[:at], (name, copy), *parts[at:]]

    return repack(data, change)


def rename_entry(data: bytes, rng: random.Random) -> bytes:
    def change(parts):
        index = rng.randrange(len(parts))
        if rng.random() < 0.5:
            index = next((i for i, (n, _) in enumerate(parts) if n == DOCUMENT), index)
        name, payload = parts[index]
        new = rng.choice(
            [
                name.upper(),
                name.replace("/", "\\"),
                "/" + name,
                "../" + name,
                name + "\x00.txt",
                name + " ",
                "word/" + "d" * 300 + ".xml",
                name.replace("document", "docu\u200bment"),
                "",
            ]
        )
        return [*parts[:index], (new, payload), *parts[index + 1 :]]

    return repack(data, change)


# --- truncation ------------------------------------------------------------------------------


def truncate_anywhere(data: bytes, rng: random.Random) -> bytes:
    return data[: rng.randrange(1, len(data))]


def truncate_directory(data: bytes, rng: random.Random) -> bytes:
    """Cut inside the central directory at the end, where a zip reader starts."""
    start = data.rfind(b"PK\x01\x02")
    return data[: rng.randrange(max(1, start), len(data))]


def truncate_part(data: bytes, rng: random.Random) -> bytes:
    """One part's compressed stream cut short, the zip itself well formed."""
    return replace_part(data, DOCUMENT, lambda xml: xml[: rng.randrange(len(xml))])


# --- broken or hostile XML in word/document.xml ----------------------------------------------

HOSTILE_TEXT = [
    "\x0b",  # Word's line break inside a paragraph, illegal in XML 1.0 as a raw character
    "\x0c\x1b\x7f\x85\u2028\u2029",
    "\ufeff\ufffe\uffff",
    "\u202e\u2066reversed\u2069",
    "e\u0301" * 2000,
    "\U0001f600\U0001f3f4\U000e0067\U000e0062\U000e0065\U000e006e\U000e0067\U000e007f",
    "9" * 309,  # does not fit a float
    "1e400 and 0x" + "f" * 64 + " and £" + "9" * 40 + ".5",
    "T" * 300,  # longer than Word's 255-character document properties
    "x" * 200_000,  # one very long run
    "Item 1: " * 500,
    "\u00a0\u2013\u2019\u2192\u00b7 " * 200,
    "]]><!--",
]


def _text_runs(xml: bytes) -> list[re.Match[bytes]]:
    return list(re.finditer(rb"(<w:t(?: [^>]*)?>)([^<]*)(</w:t>)", xml))


def xml_flip(data: bytes, rng: random.Random) -> bytes:
    return replace_part(data, DOCUMENT, lambda xml: flip_bits(xml, rng))


def xml_cut_tags(data: bytes, rng: random.Random) -> bytes:
    """Closing tags removed or a tag's name changed: not well-formed any more."""

    def change(xml: bytes) -> bytes:
        tags = list(re.finditer(rb"</?w:[a-zA-Z]+", xml))
        for match in rng.sample(tags, min(len(tags), rng.randint(1, 4))):
            at = match.start()
            xml = xml[:at] + rng.choice([b"", b"<w:zz", b"</w:p", b"<"]) + xml[match.end() :]
        return xml

    return replace_part(data, DOCUMENT, change)


def xml_text(data: bytes, rng: random.Random) -> bytes:
    """A run's text replaced by hostile but storable text, escaped as XML allows."""

    def change(xml: bytes) -> bytes:
        runs = _text_runs(xml)
        if not runs:
            return xml
        match = rng.choice(runs)
        text = rng.choice(HOSTILE_TEXT)
        encoded = "".join(
            f"&#{ord(ch)};" if ord(ch) < 32 or 0xFFFE <= ord(ch) <= 0xFFFF else ch
            for ch in text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        ).encode("utf-8")
        return xml[: match.start(2)] + encoded + xml[match.end(2) :]

    return replace_part(data, DOCUMENT, change)


def xml_raw_control(data: bytes, rng: random.Random) -> bytes:
    """A raw control character or a bad UTF-8 byte inside a run: not XML at all."""

    def change(xml: bytes) -> bytes:
        runs = _text_runs(xml) or [re.search(rb"()()()", xml)]
        match = rng.choice(runs)
        bad = rng.choice([b"\x0b", b"\x00", b"\x01", b"\xff", b"\xc3", b"\xed\xa0\x80"])
        return xml[: match.end(2)] + bad + xml[match.end(2) :]

    return replace_part(data, DOCUMENT, change)


ENTITY_BOMB = (
    b'<!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">'
    + b"".join(
        b'<!ENTITY %s "%s">' % (bytes([98 + i]), (b"&%s;" % bytes([97 + i])) * 10) for i in range(8)
    )
    + b"]>"
)
EXTERNAL_ENTITY = b'<!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
SECRET_MARK = "root:x:0:0"  # what /etc/passwd would put in the minutes if the entity resolved


def xml_doctype(data: bytes, rng: random.Random) -> bytes:
    """A DOCTYPE with an entity bomb or an external entity, used in the body's first run."""
    kind = rng.choice(["bomb", "external"])
    declaration, use = (ENTITY_BOMB, b"&i;") if kind == "bomb" else (EXTERNAL_ENTITY, b"&x;")

    def change(xml: bytes) -> bytes:
        xml = re.sub(rb"^<\?xml[^>]*\?>", b"", xml.lstrip()).lstrip()
        runs = _text_runs(xml)
        if runs:
            xml = xml[: runs[0].start(2)] + use + xml[runs[0].end(2) :]
        return b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + declaration + xml

    return replace_part(data, DOCUMENT, change)


def xml_deep(data: bytes, rng: random.Random) -> bytes:
    """Elements nested thousands deep inside the body."""
    depth = rng.choice([300, 5_000, 100_000])
    tag = rng.choice([b"w:sdt", b"w:customXml", b"w:tbl"])
    nest = b"<%s>" % tag * depth + b"</%s>" % tag * depth

    def change(xml: bytes) -> bytes:
        return xml.replace(b"<w:body>", b"<w:body>" + nest, 1)

    return replace_part(data, DOCUMENT, change)


def xml_many_paragraphs(data: bytes, rng: random.Random) -> bytes:
    """One paragraph repeated tens of thousands of times: big but honest."""

    def change(xml: bytes) -> bytes:
        para = re.search(rb"<w:p[ >].*?</w:p>", xml, re.S)
        if not para:
            return xml
        copies = para.group(0) * heavy(2_000, 20_000)
        return xml[: para.start()] + copies + xml[para.start() :]

    return replace_part(data, DOCUMENT, change)


def xml_encoding(data: bytes, rng: random.Random) -> bytes:
    """The declaration names another encoding, or the part is re-encoded as UTF-16."""

    def change(xml: bytes) -> bytes:
        choice = rng.choice(["utf-16", "declared-utf-16", "declared-ebcdic", "latin-1", "bom"])
        if choice == "utf-16":
            text = xml.decode("utf-8").replace('encoding="UTF-8"', 'encoding="UTF-16"')
            return text.encode("utf-16")
        if choice == "declared-utf-16":
            return xml.replace(b'encoding="UTF-8"', b'encoding="UTF-16"', 1)
        if choice == "declared-ebcdic":
            return xml.replace(b'encoding="UTF-8"', b'encoding="cp037"', 1)
        if choice == "latin-1":
            return xml.decode("utf-8").encode("latin-1", "replace")
        return b"\xef\xbb\xbf" + xml

    return replace_part(data, DOCUMENT, change)


def core_properties(data: bytes, rng: random.Random) -> bytes:
    """docProps/core.xml with a huge or odd title and a date that is not one."""
    title = rng.choice(HOSTILE_TEXT[2:]).replace("&", "&amp;").replace("<", "&lt;")
    created = rng.choice(["not a date", "9999-99-99T99:99:99Z", "-0001-01-01", "1" * 400])
    xml = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/'
        'metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{title}</dc:title><dc:creator>{title[:1000]}</dc:creator>"
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{created}</dcterms:created>'
        "</cp:coreProperties>"
    ).encode("utf-8", "surrogatepass")
    return repack(
        data,
        lambda parts: (
            [(n, p) for n, p in parts if n != "docProps/core.xml"] + [("docProps/core.xml", xml)]
        ),
    )


def other_part_garbage(data: bytes, rng: random.Random) -> bytes:
    """Styles, numbering, settings or a header replaced by garbage or by the body's XML."""

    def change(parts):
        names = [n for n, _ in parts if n.endswith(".xml") and n != DOCUMENT]
        key = rng.choice(names) if names else DOCUMENT
        body = dict(parts).get(DOCUMENT, b"")
        junk = rng.choice([b"", b"<", rng.randbytes(200), body, b"<x/>" * 10, b"\xff\xfe<"])
        return [(n, junk if n == key else p) for n, p in parts]

    return repack(data, change)


# --- declared sizes that lie, and real bombs -------------------------------------------------


def _patch_sizes(data: bytes, size: int) -> bytes:
    """Every entry's declared uncompressed size set to ``size`` (local headers and the
    central directory), the data itself unchanged."""
    patched = bytearray(data)
    for match in re.finditer(rb"PK\x03\x04", data):
        struct.pack_into("<I", patched, match.start() + 22, size)
    for match in re.finditer(rb"PK\x01\x02", data):
        struct.pack_into("<I", patched, match.start() + 24, size)
    return bytes(patched)


def lying_sizes(data: bytes, rng: random.Random) -> bytes:
    return _patch_sizes(data, rng.choice([0xFFFFFFFF, 0x7FFFFFFF, 0, 1, 50 * 2**20 + 1]))


def zip_bomb(data: bytes, rng: random.Random, size: int = BOMB_BYTES) -> bytes:
    """A few hundred kilobytes that inflate to ``size``: in the body or as an extra part."""
    where = rng.choice(["body", "extra", "styles"])
    filler = b" " * size if where == "body" else b"\0" * size

    def change(parts):
        if where == "body":
            return [
                (n, p.replace(b"<w:body>", b"<w:body>" + filler, 1) if n == DOCUMENT else p)
                for n, p in parts
            ]
        name = "word/media/image1.bin" if where == "extra" else "word/styles.xml"
        return [(n, p) for n, p in parts if n != name] + [(name, filler)]

    return repack(data, change)


def many_entries(data: bytes, rng: random.Random) -> bytes:
    """Tens of thousands of tiny entries beside the real ones."""
    count = rng.choice([20_000, 70_000])
    return repack(data, lambda parts: parts + [(f"junk/{i}.xml", b"") for i in range(count)])


def stored_not_deflated(data: bytes, rng: random.Random) -> bytes:
    """The same parts stored uncompressed, with one declared size off by a little."""
    stored = build([(i.filename, p) for i, p in entries(data)], zipfile.ZIP_STORED)
    if rng.random() < 0.5:
        return stored
    at = stored.find(b"PK\x03\x04") + 22
    (size,) = struct.unpack_from("<I", stored, at)
    return stored[:at] + struct.pack("<I", size + rng.choice([-1, 1, 1000])) + stored[at + 4 :]


# --- zips inside zips ------------------------------------------------------------------------


def nested_zip(data: bytes, rng: random.Random) -> bytes:
    kind = rng.choice(["wrapped", "body-is-zip", "extra-docx", "wrapped-twice"])
    if kind == "wrapped":
        return build([("minutes.docx", data)])
    if kind == "wrapped-twice":
        return build([("inner.zip", build([("minutes.docx", data)]))])
    if kind == "body-is-zip":
        return replace_part(data, DOCUMENT, lambda _: data)
    return repack(data, lambda parts: parts + [("word/embeddings/other.docx", data)])


# --- wrong content types and relationships ---------------------------------------------------


def wrong_content_type(data: bytes, rng: random.Random) -> bytes:
    other = rng.choice(
        [
            "image/png",
            "application/vnd.ms-word.document.macroEnabled.main+xml",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
            "text/plain",
            "",
        ]
    )

    def change(xml: bytes) -> bytes:
        if rng.random() < 0.2:
            return rng.choice([b"", b"<Types/>", b"not xml", xml.replace(b"Override", b"Ov")])
        return xml.replace(MAIN_TYPE.encode(), other.encode())

    return replace_part(data, CONTENT_TYPES, change)


def wrong_relationship(data: bytes, rng: random.Random) -> bytes:
    """The package's main relationship points elsewhere, outside, or nowhere."""
    target = rng.choice(
        [
            b"word/styles.xml",
            b"word/missing.xml",
            b"/../../etc/passwd",
            b"http://example.invalid/minutes.xml",
            b"word/document.xml#frag",
            b"",
        ]
    )
    external = b' TargetMode="External"' if rng.random() < 0.3 else b""

    def change(xml: bytes) -> bytes:
        return re.sub(
            rb'Target="[^"]*document[^"]*"', b'Target="' + target + b'"' + external, xml, count=1
        )

    return replace_part(data, MAIN_RELS, change)


# --- the table's rows ------------------------------------------------------------------------

WORD_CLASSES: dict[str, list[Mutation]] = {
    "bytes": [flip_bits, overwrite_run, insert_bytes, delete_run, splice],
    "entries": [drop_entry, drop_many, duplicate_entry, rename_entry],
    "truncation": [truncate_anywhere, truncate_directory, truncate_part],
    "xml": [
        xml_flip,
        xml_cut_tags,
        xml_text,
        xml_raw_control,
        xml_doctype,
        xml_deep,
        xml_many_paragraphs,
        xml_encoding,
        core_properties,
        other_part_garbage,
    ],
    "sizes": [lying_sizes, zip_bomb, many_entries, stored_not_deflated],
    "nesting": [nested_zip],
    "content-types": [wrong_content_type, wrong_relationship],
}


# --- text files ------------------------------------------------------------------------------

CONTROL = "\x00\x01\x07\x08\x0b\x0c\x1b\x7f\x85\u2028\ufeff"


def text_reencode(data: bytes, rng: random.Random) -> bytes:
    text = data.decode("utf-8", "replace")
    encoding = rng.choice(["utf-16", "utf-16-le", "utf-16-be", "utf-32", "latin-1", "cp1252"])
    encoded = text.encode(encoding, "replace")
    if encoding in ("utf-16-le", "utf-16-be") and rng.random() < 0.5:
        encoded = ("\ufeff").encode(encoding) + encoded
    return encoded


def text_controls(data: bytes, rng: random.Random) -> bytes:
    text = data.decode("utf-8", "replace")
    for _ in range(rng.randint(1, 50)):
        at = rng.randrange(len(text) + 1)
        text = text[:at] + rng.choice(CONTROL) + text[at:]
    return text.encode("utf-8")


def text_long_line(data: bytes, rng: random.Random) -> bytes:
    lines = data.split(b"\n")
    at = rng.randrange(len(lines))
    lines[at] = lines[at] * rng.choice([100, 1000, 5000]) or b"x" * 100_000
    return b"\n".join(lines)


def text_cut_character(data: bytes, rng: random.Random) -> bytes:
    """Cut in the middle of a multi-byte character, or at any byte."""
    wide = [m.start() + 1 for m in re.finditer(rb"[\xc2-\xf4]", data)]
    return (
        data[: rng.choice(wide)]
        if wide and rng.random() < 0.7
        else data[: rng.randrange(1, len(data))]
    )


def text_line_endings(data: bytes, rng: random.Random) -> bytes:
    return data.replace(b"\n", rng.choice([b"\r\n", b"\r", b"\n\n\n", b"\x0b", "\u2028".encode()]))


TEXT_CLASSES: dict[str, list[Mutation]] = {
    "text-bytes": [flip_bits, overwrite_run, insert_bytes, delete_run, splice, text_cut_character],
    "text-shape": [text_reencode, text_controls, text_long_line, text_line_endings],
}


def pick(classes: dict[str, list[Mutation]], fault: str, rng: random.Random) -> Mutation:
    return rng.choice(classes[fault])
