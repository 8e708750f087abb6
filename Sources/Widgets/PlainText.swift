import Localization

extension Grid {
    /// The grid as plain text for a worksheet (`:export FILE.txt`): ``text``, except that what
    /// colour alone tells on screen is spelled in characters.
    ///
    /// A negative bar's far end is a left-aligned block drawn in reverse video (``SignedBar``),
    /// which plain text cannot show: `▏` reversed covers seven eighths of its cell, but as text
    /// it reads as a sliver. Here each such cell becomes the right-aligned block nearest to what
    /// it covers (`▕` an eighth or a quarter, `▐` three to five eighths, `█` more), so a bar of
    /// −0.375 no longer looks shorter than one of −0.125.
    public var plainText: String {
        (0..<height).map { plainLine($0).trimmingTrailingSpaces() }.joined(separator: "\n")
    }

    /// One row as ``plainText`` spells it, trailing spaces kept.
    public func plainLine(_ y: Int) -> String {
        var text = ""
        for x in 0..<width where !self[x, y].isContinuation {
            let cell = self[x, y]
            if cell.style.attributes.contains(.reverse), let scalar = cell.singleScalar,
               let covered = Self.reversedBlockCoverage(scalar) {
                text.unicodeScalars.append(Self.rightAlignedBlock(eighths: covered))
            } else if let scalar = cell.singleScalar {
                text.unicodeScalars.append(scalar)
            } else {
                text.append(cell.character)
            }
        }
        return text
    }

    /// The eighths a reversed left-aligned partial block covers (from the right), or nil for any
    /// other character.
    static func reversedBlockCoverage(_ scalar: Unicode.Scalar) -> Int? {
        for eighths in 1...7 where Glyphs.unicode.leftBlockScalar(eighths: eighths) == scalar {
            return 8 - eighths
        }
        return nil
    }

    /// The right-aligned block that plain text has nearest to `eighths` of a cell.
    static func rightAlignedBlock(eighths: Int) -> Unicode.Scalar {
        switch eighths {
        case ...0: return " "
        case 1...2: return "▕"
        case 3...5: return "▐"
        default: return "█"
        }
    }
}
