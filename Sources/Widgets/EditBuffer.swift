/// Text being typed into a field, with a cursor between characters (0 is before the first).
///
/// Characters are what a reader sees as one: grapheme clusters, exactly as Swift's `String`
/// counts them. A combining mark typed after a letter joins it (`a` + U+0301 is one character,
/// `á`, and the cursor stays after it); a letter typed before a lone mark takes it; deleting the
/// letter between two pieces that can join lets them join. After every operation
/// `characters == Array(text)` and the cursor lies in `0...characters.count`, whatever it was
/// asked; the fuzz target `editbuffer` checks both after every random edit.
///
/// Every operation costs time in proportion to the characters it touches (the few around the
/// edit, found again with the Unicode segmentation rules), not to the whole text, so a long
/// paste typed in one key at a time stays linear. The text holds at most ``maximumCount``
/// characters; what is typed or pasted beyond that is dropped and ``isFull`` turns true.
public struct EditBuffer: Sendable, Hashable {
    /// The most characters a buffer holds (the README's limits table, "edited line").
    public static let maximumCount = 65_536

    /// The characters typed so far, each one grapheme cluster.
    public private(set) var characters: [Character]
    /// The cursor position in characters, in `0...characters.count`.
    public private(set) var cursor: Int

    /// A buffer holding `text` (its first ``maximumCount`` characters), with the cursor at
    /// `cursor` (clamped) or at the end.
    public init(_ text: String = "", cursor: Int? = nil) {
        var characters: [Character] = []
        characters.reserveCapacity(min(text.utf8.count, Self.maximumCount))
        for character in text {
            guard characters.count < Self.maximumCount else { break }
            characters.append(character)
        }
        self.characters = characters
        self.cursor = min(max(0, cursor ?? characters.count), characters.count)
    }

    /// The text typed so far (built on each call: read ``characters`` to draw).
    public var text: String { String(characters) }

    /// The number of characters.
    public var count: Int { characters.count }

    /// Whether the buffer holds ``maximumCount`` characters, so typing adds nothing.
    public var isFull: Bool { characters.count >= Self.maximumCount }

    /// Types a character at the cursor.
    public mutating func insert(_ character: Character) {
        insert(contentsOf: String(character))
    }

    /// Types `text` at the cursor, as a paste; as much of it as fits under ``maximumCount``.
    public mutating func insert(contentsOf text: String) {
        guard !text.isEmpty else { return }
        let room = Self.maximumCount - characters.count
        guard room > 0 else { return }
        var fitting = text
        if text.utf8.count > room {
            // Checked on characters, not bytes, only when the bytes alone could overflow.
            let all = Array(text)
            if all.count > room { fitting = String(all[..<room]) }
        }
        replace(cursor..<cursor, with: fitting)
    }

    /// Deletes the character before the cursor (Backspace).
    public mutating func deleteBackward() {
        guard cursor > 0 else { return }
        replace((cursor - 1)..<cursor, with: "")
    }

    /// Deletes the character after the cursor (Delete).
    public mutating func deleteForward() {
        guard cursor < characters.count else { return }
        replace(cursor..<(cursor + 1), with: "")
    }

    /// Deletes everything before the cursor (Ctrl-U), leaving the cursor at the start.
    public mutating func deleteToStart() {
        guard cursor > 0 else { return }
        replace(0..<cursor, with: "")
    }

    /// Moves the cursor one character left.
    public mutating func moveLeft() { cursor = max(0, cursor - 1) }
    /// Moves the cursor one character right.
    public mutating func moveRight() { cursor = min(characters.count, cursor + 1) }
    /// Moves the cursor before the first character.
    public mutating func moveToStart() { cursor = 0 }
    /// Moves the cursor after the last character.
    public mutating func moveToEnd() { cursor = characters.count }

    // MARK: One edit, segmented again locally

    /// Replaces the characters in `range` with `inserted`, then puts the cursor at the first
    /// character boundary at or after the end of what was inserted.
    ///
    /// Only the clusters around the edit are segmented again. A boundary before the edit stays
    /// a boundary (a break depends on the text before it and one scalar after it), so the work
    /// starts one cluster before the edit, where Swift's own segmentation would start afresh
    /// too. After the edit, it goes on until a boundary of the new text falls where the old text
    /// had one: from there both are the same text segmented from the same boundary. The window
    /// doubles until that happens, which for ordinary text is at once.
    private mutating func replace(_ range: Range<Int>, with inserted: String) {
        let start = max(0, range.lowerBound - 1)
        // Worked out apart from `characters`, so no slice of it is alive when it is changed:
        // one would make the change copy the whole array (a 10 000-character paste took 3 s).
        let edit = Self.resegment(characters, from: start, replacing: range, with: inserted)
        characters.replaceSubrange(start..<(range.upperBound + edit.oldCount), with: edit.clusters)
        cursor = start + edit.cursorOffset
    }

    /// The clusters that replace `characters[start..<range.upperBound + oldCount]`, and where
    /// the cursor goes among them.
    private static func resegment(
        _ characters: [Character], from start: Int, replacing range: Range<Int>, with inserted: String
    ) -> (clusters: [Character], oldCount: Int, cursorOffset: Int) {
        let head = characters[start..<range.lowerBound].reduce(0) { $0 + $1.unicodeScalars.count }
        let editEnd = head + inserted.unicodeScalars.count
        var window = 2
        while true {
            let end = min(characters.count, range.upperBound + window)
            let tail = characters[range.upperBound..<end]
            var text = String(characters[start..<range.lowerBound])
            text += inserted
            text.append(contentsOf: tail.lazy.map { String($0) }.joined())
            let clusters = Array(text)
            let total = text.unicodeScalars.count
            if let sync = commonBoundary(clusters, oldTail: tail, from: editEnd, total: total, atTextEnd: end == characters.count) {
                return (Array(clusters[..<sync.newCount]), sync.oldCount, firstBoundary(in: clusters, atOrAfter: editEnd))
            }
            window *= 2
        }
    }

    /// The first position at or after `from` (in scalars from the window's start) that is a
    /// boundary of the new clusters and of the old tail (which begins at `from`): how many new
    /// clusters and old tail clusters lie before it. Only boundaries inside the window count,
    /// unless the window reaches the end of the text.
    private static func commonBoundary(
        _ clusters: [Character], oldTail: ArraySlice<Character>, from: Int, total: Int, atTextEnd: Bool
    ) -> (newCount: Int, oldCount: Int)? {
        var newIndex = 0, newPosition = 0
        var oldIndex = oldTail.startIndex, oldCount = 0, oldPosition = from
        while newIndex < clusters.count && newPosition < from {
            newPosition += clusters[newIndex].unicodeScalars.count
            newIndex += 1
        }
        while true {
            if newPosition == oldPosition && newPosition >= from {
                if newPosition < total || atTextEnd { return (newIndex, oldCount) }
                return nil
            }
            if newPosition < oldPosition {
                guard newIndex < clusters.count else { return nil }
                newPosition += clusters[newIndex].unicodeScalars.count
                newIndex += 1
            } else {
                guard oldIndex < oldTail.endIndex else { return nil }
                oldPosition += oldTail[oldIndex].unicodeScalars.count
                oldIndex += 1
                oldCount += 1
            }
        }
    }

    /// How many clusters end at or before the first boundary at or after `position`.
    private static func firstBoundary(in clusters: [Character], atOrAfter position: Int) -> Int {
        var index = 0, scalars = 0
        while scalars < position && index < clusters.count {
            scalars += clusters[index].unicodeScalars.count
            index += 1
        }
        return index
    }
}
