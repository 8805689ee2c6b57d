"""Regenerate the binary fixtures of the importer tests (docx, pdf, png, zip bombs).

Run from the repository root:  QT_QPA_PLATFORM=offscreen python tests/data/importers/make_corpus.py

The text fixtures (article.html, *.txt, *.md, *.eml) are written by hand and kept as they are.
PDFs are drawn line by line with Qt's QPdfWriter so that the tests know exactly where the
running headers, page numbers and line-end hyphens are. The output is deterministic apart from
the creation dates Qt and python-docx stamp into the files.
"""

from __future__ import annotations

import io
import os
import sys
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
STORY = (HERE / "story.txt").read_text(encoding="utf-8")
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


# ---------------------------------------------------------------- text variants

HEADLINE = "Putin says Russia might arm North Korea"
PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{headline} | World Desk</title>
<meta name="author" content="Wire Desk">
<meta property="article:published_time" content="2024-06-20T09:15:00Z">
<link rel="stylesheet" href="https://cdn.invalid/site.css">
<link rel="preload" href="https://fonts.invalid/serif.woff2" as="font">
<script src="https://ads.invalid/tag.js"></script>
<style>body {{ font-family: serif }}</style>
</head><body>
<div id="cookie-banner">We use cookies to improve your experience. <button>Accept all</button></div>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/business">Business</a></li></ul></nav></header>
<main><article>
<h1>{headline}</h1>
<div class="share"><a href="#">Share on Facebook</a> <a href="#">Post</a> <a href="#">Email</a></div>
{paragraphs}
<figure><img src="https://img.invalid/putin.jpg" alt="Putin in Hanoi"></figure>
</article>
<aside class="related"><h3>Related stories</h3><ul><li><a href="/a">Kim hosts Putin in Pyongyang</a></li>
<li><a href="/b">Five things to know about the treaty</a></li></ul></aside>
<section id="comments"><h3>Comments</h3><div class="comment"><p>This is very worrying news.</p></div></section>
</main>
<footer><p>© 2024 World Desk. All rights reserved.</p><a href="/privacy">Privacy</a></footer>
<script>window.dataLayer = []; document.write("<p>injected</p>");</script>
</body></html>
"""


def make_text_variants() -> None:
    import html
    import textwrap

    paragraphs = STORY.strip("\n").split("\n")
    wrapped = "\r\n\r\n".join(textwrap.fill(p, 68).replace("\n", "\r\n") for p in paragraphs) + "\r\n"
    (HERE / "story-wrapped-crlf.txt").write_bytes(wrapped.encode("utf-8"))
    (HERE / "story-utf16.txt").write_bytes(STORY.encode("utf-16"))  # with its BOM
    (HERE / "story-utf8-bom.txt").write_bytes(b"\xef\xbb\xbf" + STORY.encode("utf-8"))
    (HERE / "story-cp1252.txt").write_bytes(STORY.encode("cp1252"))
    body = "\n".join(f"<p>{html.escape(p, quote=False)}</p>" for p in paragraphs)
    (HERE / "story.html").write_text(PAGE.format(headline=HEADLINE, paragraphs=body), encoding="utf-8")
    md = "\n\n".join(textwrap.fill(p, 72) for p in paragraphs)
    md = md.replace("mutual defence agreement", "*mutual defence agreement*", 1)
    md = md.replace("United Nations sanctions", "[United Nations sanctions](https://un.invalid/)", 1)
    (HERE / "story.md").write_text(md + "\n", encoding="utf-8")
    eml = (
        "From: Wire Desk <desk@example.invalid>\r\nTo: checkers@example.invalid\r\n"
        f"Subject: {HEADLINE}\r\nDate: Thu, 20 Jun 2024 09:15:00 +0000\r\nMIME-Version: 1.0\r\n"
        "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
    )
    import quopri

    (HERE / "story.eml").write_bytes(eml.encode("ascii") + quopri.encodestring(wrapped.encode("utf-8")))
    (HERE / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (HERE / "empty.txt").write_bytes(b"")
    (HERE / "blank.txt").write_bytes(b"  \n\n\t\n")
    (HERE / "allscript.html").write_text(
        "<html><head><script>var a = 1;</script><style>p { color: red }</style></head>"
        "<body><script>document.body.innerHTML = '<p>made by script</p>';</script><noscript></noscript></body></html>",
        encoding="utf-8",
    )


# ---------------------------------------------------------------- docx


def make_story_docx() -> None:
    import docx

    document = docx.Document()
    document.core_properties.title = "Putin says Russia might arm North Korea"
    document.core_properties.author = "Wire Desk"
    for paragraph in STORY.strip("\n").split("\n"):
        document.add_paragraph(paragraph)
    buf = io.BytesIO()
    document.save(buf)
    (HERE / "story.docx").write_bytes(_strip_docx(buf.getvalue()))


def _strip_docx(data: bytes) -> bytes:
    """python-docx's template carries ~30 KB of styles and a thumbnail the tests do not need."""
    keep = {
        "[Content_Types].xml",
        "_rels/.rels",
        "word/document.xml",
        "word/_rels/document.xml.rels",
        "docProps/core.xml",
    }
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if info.filename in keep:
                body = src.read(info)
                if info.filename == "word/_rels/document.xml.rels":
                    body = _only_rels(body, ())
                if info.filename == "_rels/.rels":
                    body = _only_rels(body, ("officeDocument", "core-properties"))
                dst.writestr(info.filename, body)
    return out.getvalue()


def _only_rels(xml: bytes, kinds: tuple[str, ...]) -> bytes:
    from lxml import etree

    root = etree.fromstring(xml)
    for rel in list(root):
        if not any(rel.get("Type", "").endswith("/" + k) for k in kinds):
            root.remove(rel)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _docx_package(document_xml: str) -> bytes:
    content_types = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.wordprocessingml.document.main+xml"/></Types>'
    )
    rels = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", content_types)
        z.writestr("_rels/.rels", rels)
        z.writestr("word/document.xml", document_xml)
    return out.getvalue()


def _doc(body: str, prolog: str = "") -> str:
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{prolog}'
        f'<w:document xmlns:w="{W_NS}"><w:body>{body}<w:sectPr/></w:body></w:document>'
    )


def make_tracked_docx() -> None:
    """Tracked changes: accepted reading is 'The council approved 40 new homes on Tuesday.' etc."""
    rev = 'w:id="{}" w:author="Editor" w:date="2024-06-20T10:00:00Z"'
    body = (
        '<w:p><w:r><w:t xml:space="preserve">The council approved </w:t></w:r>'
        f"<w:del {rev.format(1)}><w:r><w:delText>30</w:delText></w:r></w:del>"
        f"<w:ins {rev.format(2)}><w:r><w:t>40</w:t></w:r></w:ins>"
        '<w:r><w:t xml:space="preserve"> new homes on </w:t></w:r>'
        f'<w:del {rev.format(3)}><w:r><w:delText xml:space="preserve">Monday</w:delText></w:r></w:del>'
        f"<w:ins {rev.format(4)}><w:r><w:t>Tuesday</w:t></w:r></w:ins>"
        "<w:r><w:t>.</w:t></w:r></w:p>"
        # a paragraph whose mark was deleted: it runs on into the next paragraph
        f"<w:p><w:pPr><w:rPr><w:del {rev.format(5)}/></w:rPr></w:pPr>"
        '<w:r><w:t xml:space="preserve">The mayor said the plan </w:t></w:r></w:p>'
        "<w:p><w:r><w:t>was “long overdue”.</w:t></w:r></w:p>"
        # a whole deleted paragraph
        f"<w:p><w:pPr><w:rPr><w:del {rev.format(6)}/></w:rPr></w:pPr>"
        f"<w:del {rev.format(7)}><w:r><w:delText>Critics called it rushed.</w:delText></w:r></w:del></w:p>"
        # a moved sentence, a field (code skipped, result kept) and a table
        f"<w:p><w:moveFrom {rev.format(8)}><w:r><w:t>Moved away.</w:t></w:r></w:moveFrom>"
        '<w:r><w:t xml:space="preserve">Building starts in </w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> DATE \\@ "yyyy" </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>2025</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t>.</w:t></w:r>'
        f'<w:moveTo {rev.format(9)}><w:r><w:t xml:space="preserve"> Moved here.</w:t></w:r></w:moveTo></w:p>'
        "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Homes</w:t></w:r></w:p></w:tc>"
        "<w:tc><w:p><w:r><w:t>40</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
        "<w:p><w:r><w:t>Line one</w:t><w:br/><w:t>line two</w:t><w:tab/><w:t>tabbed.</w:t></w:r></w:p>"
    )
    (HERE / "tracked.docx").write_bytes(_docx_package(_doc(body)))


def make_bad_docx() -> None:
    # A ZIP bomb disguised as .docx: 8 MB of XML whitespace in about 8 KB.
    padding = " " * (8 * 1024 * 1024)
    bomb = _doc(f"<w:p><w:r><w:t>boom</w:t></w:r></w:p>{padding}")
    (HERE / "bomb.docx").write_bytes(_docx_package(bomb))
    # A truncated archive, as a broken download leaves it.
    whole = (HERE / "story.docx").read_bytes()
    (HERE / "corrupt.docx").write_bytes(whole[: len(whole) // 2])
    # An external entity that would read a local file if the parser resolved it.
    xxe = _doc(
        "<w:p><w:r><w:t>Before &xxe; after.</w:t></w:r></w:p>",
        prolog='<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/hostname">]>',
    )
    (HERE / "xxe.docx").write_bytes(_docx_package(xxe))


# ---------------------------------------------------------------- pdf


def _wrap(text: str, fits, soft: dict[str, str]) -> list[str]:  # type: ignore[no-untyped-def]
    """Greedy line breaking at spaces, after hyphens, and at the soft hyphens given in ``soft``.

    ``soft`` maps a word to its syllables ("Pyong|yang"); a line broken there ends with "-".
    """
    # (text, joiner): joiner is " " after a word, "-" after a hyphen, "" at a soft hyphen
    pieces: list[tuple[str, str]] = []
    for word in text.split(" "):
        core = word.strip(".,“”’")
        syllables = soft.get(core, "").split("|") if core in soft else [word]
        if core in soft:
            lead, trail = word.split(core)
            syllables = [lead + syllables[0], *syllables[1:-1], syllables[-1] + trail]
        for i, syl in enumerate(syllables):
            chunks = syl.split("-")
            pieces.extend((c, "-") for c in chunks[:-1])
            pieces.append((chunks[-1], " " if i == len(syllables) - 1 else ""))
    lines: list[str] = []
    line = ""
    for i, (piece, joiner) in enumerate(pieces):
        prev_joiner = pieces[i - 1][1] if i else ""
        candidate = line + piece
        shown = candidate + ("-" if joiner in ("-", "") else "")
        if line and not fits(shown):
            lines.append(line.rstrip() + ("-" if prev_joiner == "" else ""))
            candidate = piece
        line = candidate + (joiner if joiner in (" ", "-") else "")
    lines.append(line.rstrip())
    return lines


def _pdf(
    path: Path,
    pages: list[list[str] | None],
    header: str | None,
    *,
    title: str = "",
    footer_numbers: bool = True,
) -> None:
    """One PDF page per entry: a list of text lines ("" = paragraph gap) or None for an image-only page."""
    from PySide6.QtCore import QMarginsF, QRectF, Qt
    from PySide6.QtGui import QColor, QFont, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter

    writer = QPdfWriter(str(path))
    writer.setResolution(72)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A5), QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)
        )
    )
    writer.setTitle(title)
    writer.setCreator("make_corpus.py")
    painter = QPainter(writer)
    font = QFont("DejaVu Serif")
    font.setPixelSize(10)
    painter.setFont(font)
    for number, lines in enumerate(pages, 1):
        if number > 1:
            writer.newPage()
        if lines is None:  # a scanned page: pixels only
            image = QImage(150, 200, QImage.Format.Format_Grayscale8)
            image.fill(QColor("white"))
            p2 = QPainter(image)
            for y in range(10, 190, 7):
                p2.fillRect(10, y, 120 - (y * 7) % 30, 3, QColor("black"))
            p2.end()
            painter.drawImage(QRectF(40, 60, 300, 400), image)
        else:
            if header:
                painter.drawText(40, 40, header)
            y = 80
            for line in lines:
                if line:
                    painter.drawText(40, y, line)
                y += 9 if not line else 14
        if footer_numbers:
            painter.drawText(
                QRectF(0, 560, 420, 20), Qt.AlignmentFlag.AlignHCenter, f"Page {number} of {len(pages)}"
            )
    painter.end()


def _paginate(paragraphs: list[str], per_page: int, soft: dict[str, str]) -> list[list[str] | None]:
    from PySide6.QtGui import QFont, QFontMetricsF

    font = QFont("DejaVu Serif")
    font.setPixelSize(10)
    metrics = QFontMetricsF(font)
    lines: list[str] = []
    for paragraph in paragraphs:
        lines.extend(_wrap(paragraph, lambda s: metrics.horizontalAdvance(s) <= 330, soft))
        lines.append("")
    pages: list[list[str] | None] = []
    for start in range(0, len(lines), per_page):
        pages.append(lines[start : start + per_page])
    return pages


def make_pdfs() -> None:
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    paragraphs = STORY.strip("\n").split("\n")
    # Soft hyphenation of words that occur elsewhere too, so a reader can tell them from compounds.
    soft = {"Pyongyang": "Pyong|yang", "Ukraine": "Ukr|aine", "weapons": "weap|ons"}
    pages = _paginate(paragraphs, 26, soft)
    _pdf(HERE / "story.pdf", pages, "THE WORLD DESK — Asia", title="Putin says Russia might arm North Korea")
    # Same layout with one scanned page in the middle.
    _pdf(HERE / "mixed.pdf", [pages[0], None, *pages[1:]], "THE WORLD DESK — Asia")
    _pdf(HERE / "scan.pdf", [None], None, footer_numbers=False)
    # Encrypted with a user password (RC4, so no crypto library is needed to write or refuse it).
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(HERE / "story.pdf"))
    writer.encrypt("secret", algorithm="RC4-128")
    with open(HERE / "encrypted.pdf", "wb") as fh:
        writer.write(fh)
    # An image file someone might pass as a story.
    from PySide6.QtGui import QColor, QImage

    image = QImage(64, 32, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    image.save(str(HERE / "scan.png"))
    del app


def main() -> None:
    make_text_variants()
    make_story_docx()
    make_tracked_docx()
    make_bad_docx()
    make_pdfs()
    for path in sorted(HERE.glob("*")):
        if path.suffix != ".py":
            print(f"{path.name:16} {path.stat().st_size:7,d} bytes")


if __name__ == "__main__":
    main()
