import Localization

extension Grid {
    /// Every character a terminal without UTF-8 (`LANG=C`, `--ascii`) could not show, written
    /// in ASCII: the texts' mathematics and punctuation (`h′` as `h'`, `∏z` as `Pz`, `‖∂h/∂x‖`
    /// as `|dh/dx|`, `−` as `-`, `·` as `.`), a letter with marks as the letter (`h̃` as `h`).
    /// Wide characters (CJK) stay: they come only from a language the user chose. The widgets
    /// already draw bars, strips and frames in ASCII themselves.
    public mutating func foldToASCII() {
        withMutableCells { cells in
            for index in cells.indices where cells[index].code >= 0x80 && !cells[index].isContinuation {
                let cell = cells[index]
                guard DisplayWidth.of(cell.firstScalar) == 1 else { continue }
                // A cluster (a letter with marks) keeps its first scalar, folded if need be.
                cells[index] = Cell(scalar: Self.ascii(for: cell.firstScalar), style: cell.style)
            }
        }
    }

    /// The ASCII stand-in of one scalar (`?` when there is none).
    static func ascii(for scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar {
        case "′", "‘", "’", "´": return "'"
        case "″", "“", "”": return "\""
        case "·", "•", "…": return "."
        case "−", "–", "—", "─": return "-"
        case "‖", "│", "|": return "|"
        case "∂": return "d"
        case "∏", "Π": return "P"
        case "Σ", "∑", "σ": return "s"
        case "×": return "x"
        case "÷": return "/"
        case "≈", "∼": return "~"
        case "≥", "›", "»", "→", "▶": return ">"
        case "≤", "‹", "«", "←", "◀": return "<"
        case "▲", "↑": return "^"
        case "▼", "↓": return "v"
        case "⊙": return "*"
        case "\u{A0}": return " "
        default: return scalar.isASCII ? scalar : "?"
        }
    }
}
