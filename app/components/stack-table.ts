// Props for a table that a phone shows as one card per row (`.table--stack` in app.css): the
// explicit table roles keep it a table for screen readers once its rows are displayed as
// blocks, and each cell's `data-label` names its column on the card. A cell without a label
// (the row's name, its actions) spans the card.
export const stackTable = {
  table: { className: "table table--stack", role: "table" },
  rowgroup: { role: "rowgroup" },
  row: { role: "row" },
  columnheader: { scope: "col", role: "columnheader" },
  rowheader: { scope: "row", role: "rowheader" },
  cell: (label?: string) => ({ role: "cell", "data-label": label }),
} as const;
