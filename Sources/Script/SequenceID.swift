import Synchronization

/// Numbers for ``Session/sequenceID``: one counter for the whole process, so two sessions (a
/// scene started afresh, a file opened) never share a number for different sequences.
enum SequenceID {
    private static let counter = Atomic<Int>(0)

    /// A number never handed out before.
    static func next() -> Int {
        counter.wrappingAdd(1, ordering: .relaxed).newValue
    }
}
