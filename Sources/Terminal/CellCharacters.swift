import Glibc
import Localization
import Widgets

/// The wide-character string `setcchar` wants for one cell: a spacing character, then up to four
/// combining marks, then a zero terminator.
enum CellCharacters {
    /// ncurses' CCHARW_MAX: one spacing character and four combining ones.
    static let maximumCount = 5

    /// Fills `buffer` (at least `maximumCount + 1` long) and returns how many characters it holds.
    ///
    /// Control characters become a space: ncurses would print `^X` in two columns and shift
    /// the rest of the row. Extra spacing scalars (parts of emoji sequences) are dropped, since
    /// one cell can show only one.
    static func fill(_ buffer: inout [wchar_t], with character: Character) -> Int {
        buffer.withUnsafeMutableBufferPointer { fill($0, scalars: character.unicodeScalars) }
    }

    /// Fills `buffer` with a cell's character, as ``fill(_:with:)-([wchar_t],_)`` does.
    static func fill(_ buffer: UnsafeMutableBufferPointer<wchar_t>, with cell: Cell) -> Int {
        if let scalar = cell.singleScalar {
            buffer[0] = isControl(scalar) ? wchar_t(0x20) : wchar_t(bitPattern: scalar.value)
            buffer[1] = 0
            return 1
        }
        return fill(buffer, scalars: cell.character.unicodeScalars)
    }

    private static func fill(_ buffer: UnsafeMutableBufferPointer<wchar_t>, scalars: Character.UnicodeScalarView) -> Int {
        var count = 0
        for scalar in scalars {
            if count == 0 {
                buffer[0] = isControl(scalar) ? wchar_t(0x20) : wchar_t(bitPattern: scalar.value)
                count = 1
                continue
            }
            guard count < maximumCount, !isControl(scalar), DisplayWidth.of(scalar) == 0 else { break }
            buffer[count] = wchar_t(bitPattern: scalar.value)
            count += 1
        }
        if count == 0 {
            buffer[0] = wchar_t(0x20)
            count = 1
        }
        buffer[count] = 0
        return count
    }

    /// Characters ncurses would print as `^X`: they are drawn as a space.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (scalar.value >= 0x7F && scalar.value < 0xA0)
    }
}
