"""Reading loose minute-taker text: dates, times, headings, action and decision lines,
owners and due dates (``parsing``), and figure detection (``figures``). No Qt, no database,
no files: text in, plain data out."""
