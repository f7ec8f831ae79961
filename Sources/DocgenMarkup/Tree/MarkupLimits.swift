/// The sizes past which docgen stops following the shape of a page, so that every pass over a
/// page stays linear in its size and no recursive pass can run out of stack. Each limit that a
/// page passes is reported (rule `content-limit`) at the construct that passed it.
public enum MarkupLimits {
    /// The deepest nesting of containers in one file: block quotes, lists and list items,
    /// emphasis, links and other inline containers as cmark-gfm nests them, and, separately,
    /// triple-colon directives (`:::zone`, `:::moniker`, `:::row`, complex `:::image`, ...)
    /// counted from where they stand in the document. A container nested deeper is not opened:
    /// its content stays in the container around it. The tree of one file is therefore a small
    /// multiple of this deep at most (directives, the Markdown containers inside them, and the
    /// two levels of each tab group), which bounds every recursive pass over it; included files
    /// (nested at most ten deep) add their own.
    public static let maximumNesting = 64

    /// The widest GFM table, in columns (cells of the delimiter row).
    public static let maximumTableColumns = 1_000
    /// The largest GFM table, in cells: columns times rows, header and delimiter row counted.
    /// cmark-gfm pads every row to the header's width, so a wide header over many one-cell rows
    /// is this many cells in memory. A table past either bound is not read as a table; its
    /// lines stay as paragraph text.
    public static let maximumTableCells = 100_000
}
