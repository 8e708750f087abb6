import Synchronization

/// Numbers for the rare characters made of several Unicode scalars (a letter with combining
/// marks, a flag, an emoji with a skin tone), so that a ``Cell`` can hold any character as one
/// `UInt32`: single scalars are their own value, clusters get numbers above the scalar range.
///
/// The table is shared by the whole process and only grows: a character keeps its number, and
/// the same character always gets the same one, so cells compare by number. Screens hold a
/// handful of such characters, so the table stays tiny; the lock is taken only for them.
///
/// Hostile text cannot make it large: a cluster of more than ``maximumScalars`` scalars (a
/// letter under a pile of combining marks) and any cluster after the first ``capacity`` are
/// drawn as their first scalar instead of being numbered.
enum ClusterTable {
    /// The longest cluster, in scalars, that gets a number of its own.
    static let maximumScalars = 16
    /// The most clusters numbered in one run.
    static let capacity = 8_192

    /// The largest Unicode scalar value; codes above it are clusters.
    static let lastScalar: UInt32 = 0x10FFFF

    private struct Storage {
        var codes: [Character: UInt32] = [:]
        var characters: [Character] = []
    }

    private static let storage = Mutex(Storage())

    /// The number of a character of several scalars, given on first use; past the limits
    /// above, its first scalar's value.
    static func code(for character: Character) -> UInt32 {
        let scalars = character.unicodeScalars
        let first = scalars.first?.value ?? 0x20
        guard scalars.count <= maximumScalars else { return first }
        return storage.withLock { table in
            if let code = table.codes[character] { return code }
            guard table.characters.count < capacity else { return first }
            let code = lastScalar + 1 + UInt32(table.characters.count)
            table.codes[character] = code
            table.characters.append(character)
            return code
        }
    }

    /// The character a cluster number stands for (a space for a number never given out).
    static func character(for code: UInt32) -> Character {
        storage.withLock { table in
            guard code > lastScalar else { return " " }
            let index = Int(code - lastScalar - 1)
            return index < table.characters.count ? table.characters[index] : " "
        }
    }
}
