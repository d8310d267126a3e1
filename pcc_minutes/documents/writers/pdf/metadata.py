"""Document properties: the information dictionary, the XMP metadata that names PDF/UA-1,
the language, and a viewer that shows the title rather than the file name.

The XMP repeats the information dictionary (title, author, subject, keywords, producer,
creator, dates) as PDF/UA asks, with the same dates reportlab writes there.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.pdfbase.pdfdoc import PDFDate, PDFDictionary, PDFDocument, PDFInfo, PDFString

from pcc_minutes.documents.writers.pdf.objects import RawObject, stream

LANGUAGE = "en-GB"

_DC = 'xmlns:dc="http://purl.org/dc/elements/1.1/"'
_PDF = 'xmlns:pdf="http://ns.adobe.com/pdf/1.3/"'
_XMP = 'xmlns:xmp="http://ns.adobe.com/xap/1.0/"'
_UA = 'xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/"'


class _DocumentInfo(PDFInfo):
    """reportlab's information dictionary without the entries that say nothing: an empty
    author, subject or keywords (which would become empty XMP properties) and ``/Trapped``,
    which means nothing for minutes and has no XMP equivalent."""

    def format(self, document) -> bytes:
        entries = {"Title": PDFString(self.title)}
        for key, value in (
            ("Author", self.author),
            ("Subject", self.subject),
            ("Keywords", self.keywords),
        ):
            if value.strip():
                entries[key] = PDFString(value)
        entries["ModDate"] = entries["CreationDate"] = PDFDate(ts=document._timeStamp)
        entries["Producer"] = PDFString(self.producer)
        entries["Creator"] = PDFString(self.creator)
        return PDFDictionary(entries).format(document)


def add_metadata(document: PDFDocument, title: str) -> None:
    """Language, title display, XMP and the trimmed information dictionary."""
    info = _DocumentInfo()
    info.__dict__.update(document.info.__dict__)
    document.info = info
    catalog = document.Catalog
    catalog.Lang = PDFString(LANGUAGE)
    catalog.ViewerPreferences = RawObject(b"<< /DisplayDocTitle true >>")
    xmp = _xmp(info, title, _xmp_date(document))
    catalog.Metadata = RawObject(stream(b"/Type /Metadata /Subtype /XML", xmp))


def _xmp_date(document: PDFDocument) -> str:
    stamp = document._timeStamp
    year, month, day, hour, minute, second = stamp.YMDhms
    return (
        f"{year:04d}-{month:02d}-{day:02d}T{hour:02d}:{minute:02d}:{second:02d}"
        f"{stamp.dhh:+03d}:{stamp.dmm:02d}"
    )


def _xmp(info: PDFInfo, title: str, date: str) -> bytes:
    def alt(value: str) -> str:
        return f'<rdf:Alt><rdf:li xml:lang="x-default">{escape(value)}</rdf:li></rdf:Alt>'

    properties = []
    if info.author.strip():
        properties.append(
            f"<dc:creator {_DC}><rdf:Seq><rdf:li>{escape(info.author)}</rdf:li></rdf:Seq>"
            "</dc:creator>"
        )
    if info.subject.strip():
        properties.append(f"<dc:description {_DC}>{alt(info.subject)}</dc:description>")
    properties.append(f"<dc:title {_DC}>{alt(title)}</dc:title>")
    if info.keywords.strip():
        properties.append(f"<pdf:Keywords {_PDF}>{escape(info.keywords)}</pdf:Keywords>")
    properties += [
        f"<pdf:Producer {_PDF}>{escape(info.producer)}</pdf:Producer>",
        f"<xmp:CreateDate {_XMP}>{date}</xmp:CreateDate>",
        f"<xmp:CreatorTool {_XMP}>{escape(info.creator)}</xmp:CreatorTool>",
        f"<xmp:ModifyDate {_XMP}>{date}</xmp:ModifyDate>",
        f"<dc:language {_DC}><rdf:Bag><rdf:li>{LANGUAGE}</rdf:li></rdf:Bag></dc:language>",
        f"<pdfuaid:part {_UA}>1</pdfuaid:part>",
    ]
    packet = (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/">\n'
        ' <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n'
        f' <rdf:Description rdf:about="">{"".join(properties)}</rdf:Description></rdf:RDF>\n'
        "</x:xmpmeta>\n"
        '<?xpacket end="w"?>'
    )
    return packet.encode("utf-8")
