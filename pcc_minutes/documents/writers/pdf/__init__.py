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
2. **Finishing** (pikepdf). The recorded tree becomes the ``StructTreeRoot`` and
   ``ParentTree`` (``tagging``); the catalog gets ``/Lang (en-GB)``, ``/DisplayDocTitle``, XMP
   metadata with the PDF/UA identifier, and one bookmark per agenda item (``writer``).

Fonts are the bundled Liberation Sans TTFs, embedded (``fonts``); the look is in ``styles``.

The modules, each with one job:

- ``fonts``: registering the bundled faces.
- ``styles``: page geometry, inks, paragraph styles.
- ``tagging``: the structure tree, recorded while drawing and written when finishing.
- ``canvas``: marked-content operators, per-page MCIDs, pages held back for "Page X of Y".
- ``furniture``: header, footer, DRAFT notice and watermark.
- ``flowables``: the tagged paragraph, list entry, picture and indent.
- ``long_paragraph``: very long paragraphs in linear time, still one element.
- ``story``: layout blocks to flowables and structure elements.
- ``writer``: ``render_pdf`` (document template, layout, finishing, metadata).
"""

from __future__ import annotations

from pcc_minutes.documents.writers.pdf.furniture import draft_line
from pcc_minutes.documents.writers.pdf.writer import render_pdf

__all__ = ["draft_line", "render_pdf"]
