import Localization

/// What one cell of a ``Table`` shows: text, a number, or a bar drawn by the matching widget.
public enum TableCell: Sendable, Hashable {
    /// Nothing.
    case empty
    /// Text in one style, aligned as the column says and cut with an ellipsis if too long.
    case text(String, Style = .plain)
    /// Styled spans on one line, left-aligned and clipped.
    case spans([TextSpan])
    /// A number formatted to the column's width (see ``NumberFormat``), right-aligned.
    case number(Float, decimals: Int = 3, Style = .plain)
    /// A ``GateBar`` for a value on [0, 1].
    case gate(Float, Style)
    /// A ``SignedBar`` on a shared scale, coloured by sign.
    case signed(Float, scale: Float)
    /// A ``SignedBar`` on a shared scale in one style (e.g. its column's role).
    case signedIn(Float, scale: Float, Style)
}
