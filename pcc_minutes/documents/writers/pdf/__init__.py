"""PDF minutes: the layout's blocks drawn with reportlab, then tagged for assistive technology.

The published minutes must meet the Accessibility Regulations (WCAG 2.1 AA), so the PDF is a
*tagged* PDF aiming at PDF/UA-1, not just a picture of text. reportlab draws pages but builds
no structure tree, so the writer does it in two steps:

1. **Drawing** (reportlab platypus). Every flowable is created together with the structure
   element it belongs to (``story``). When a flowable is drawn it wraps its operators in
   ``/Tag <</MCID n>> BDC … EMC`` and records (page, MCID) on its element (``flowables``,
   ``canvas``); a paragraph split across pages records one MCID per page on the same element,
   and a very long one is laid out in line-aligned pieces so that costs linear time
   (``long_paragraph``). Page furniture (header, footer, page numbers, the DRAFT watermark,
   table rules and shading) is wrapped in ``/Artifact … EMC`` so screen readers skip it
   (``furniture``).
2. **Finishing**, inside reportlab's own write (no second pass over the file). When the last
   page is done the recorded tree becomes the ``StructTreeRoot`` and ``ParentTree``
   (``tagging``), one bookmark per agenda item points at its heading (``outline``), and the
   catalog gets ``/Lang (en-GB)``, ``/DisplayDocTitle`` and XMP metadata with the PDF/UA
   identifier (``metadata``); these are written as finished bytes (``objects``).

Most of the minutes is plain text, and reportlab's general machinery for it was most of an
export's time: plain paragraphs are wrapped, broken into lines and drawn by short paths that
make exactly reportlab's lines and operators (``line_breaking``, ``paragraph_draw``), as are
list labels, table cells and bullets of plain text (``plain_text``) and the tables
themselves (``table``); a heading is kept with its next block without reportlab's trial copy
of the frame (``frame``), the watermark and header are drawn once and repeated, and the
structure tree is written as one run of objects (``objects``). Tests compare each with
reportlab's own, page by page and byte for byte.

Fonts are the bundled Liberation Sans TTFs, embedded (``fonts``); the look is in ``styles``.

The modules, each with one job:

- ``fonts``: registering the bundled faces.
- ``styles``: page geometry, inks, paragraph styles.
- ``tagging``: the structure tree, recorded while drawing and written when finishing.
- ``objects``: finished PDF objects (one by one or as a run) in reportlab's document, and the
  file written in one go, its streams compressed at the writer's zlib level.
- ``outline``: the bookmarks.
- ``metadata``: information dictionary, XMP, language.
- ``canvas``: marked-content operators, per-page MCIDs, pages held back for "Page X of Y".
- ``furniture``: header, footer, DRAFT notice and watermark.
- ``flowables``: the tagged paragraph, list entry, picture and indent.
- ``line_breaking``, ``paragraph_draw``: plain paragraphs' lines and drawing, quickly.
- ``table``: the minutes' grid of cells, laid out by reportlab's rules (reportlab's own
  table when one is split across pages).
- ``plain_text``: table cells and bullets of plain text, sized and drawn without a paragraph.
- ``frame``: the page's text frame, cheap to copy, and a heading kept with its next block.
- ``long_paragraph``: very long paragraphs in linear time, still one element.
- ``story``: layout blocks to flowables and structure elements.
- ``writer``: ``render_pdf`` (document template, layout, finishing).
"""

from __future__ import annotations

from pcc_minutes.documents.writers.pdf.furniture import draft_line
from pcc_minutes.documents.writers.pdf.writer import render_pdf

__all__ = ["draft_line", "render_pdf"]
