import Foundation

/// Several Gaussian matrices made orthogonal at once, one per core: each is independent of the
/// others, and at H=1024 each takes about half a second.
struct OrthogonalBlocks: Sendable {
    let gaussians: [[Double]]
    let size: Int

    /// The orthonormalised matrices, in the order of `gaussians`.
    func orthonormalized() -> [[Float]] {
        let results = Results(count: gaussians.count)
        DispatchQueue.concurrentPerform(iterations: gaussians.count) { index in
            results.store(WeightInitializer.orthonormalized(gaussians[index], size: size), at: index)
        }
        return results.values
    }

    /// Each worker writes only its own slot, under a lock.
    private final class Results: @unchecked Sendable {
        private var slots: [[Float]]
        private let lock = NSLock()

        init(count: Int) { slots = Array(repeating: [], count: count) }

        func store(_ value: [Float], at index: Int) {
            lock.lock()
            slots[index] = value
            lock.unlock()
        }

        var values: [[Float]] {
            lock.lock()
            defer { lock.unlock() }
            return slots
        }
    }
}
