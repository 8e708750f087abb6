@testable import GRUCore

/// Whether two traces agree field by field within `tolerance`·max(1, |value|).
func traceDifferences(_ a: GRUTrace, _ b: GRUTrace, tolerance: Float) -> [String] {
    var differences: [String] = []
    for field in TraceField.allCases {
        for (k, (x, y)) in zip(a[field], b[field]).enumerated() where !(abs(x - y) <= tolerance * max(1, abs(y))) {
            differences.append("\(field.rawValue)[\(k)]: \(x) vs \(y)")
        }
        if a[field].count != b[field].count { differences.append("\(field.rawValue) length") }
    }
    if a.pinned != b.pinned { differences.append("pinned \(a.pinned) vs \(b.pinned)") }
    return differences
}

/// Uniform values on [-scale, scale) from the seeded generator.
func randomValues(_ count: Int, scale: Float = 1, seed: UInt64) -> [Float] {
    var random = SeededGenerator(seed: seed)
    return (0..<count).map { _ in random.uniform(-scale, scale) }
}
