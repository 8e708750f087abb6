import Script
import Widgets

extension AppState {
    /// What is wrong with this state, in words; empty when it is one `update` can produce.
    ///
    /// The soak test (`scripts/soak`) runs the screen with `GRUSCOPE_CHECK_STATE=1`, which checks
    /// the state after every event and stops the program loudly (terminal restored) at the first
    /// violation, so 10 minutes of random keys, pastes, resizes and signals prove the state never
    /// goes invalid rather than only that nothing crashed.
    public var invariantViolations: [String] { invariantViolations(quick: false) }

    /// The longest edit whose text a quick check segments again.
    static let quickCheckCharacters = 256

    /// The checks; `quick` leaves out what costs far more than an event: drawing the screen, and
    /// segmenting an edit longer than ``quickCheckCharacters`` again. With every check after
    /// every key, a 12 000-character paste took 44 s instead of 5 (the drawing, and a text check
    /// as long as the text, for each character), and the soak's screen fell minutes behind its
    /// keys; the screen loop makes the quick check after every event and the whole one before
    /// every frame it draws.
    public func invariantViolations(quick: Bool) -> [String] {
        var problems: [String] = []
        func check(_ condition: Bool, _ problem: @autoclosure () -> String) {
            if !condition { problems.append(problem()) }
        }
        let session = self.session
        let inputSize = session.inputSize, hiddenSize = session.hiddenSize
        check(inputSize > 0 && hiddenSize > 0, "I=\(inputSize), H=\(hiddenSize)")
        check(session.x.count == inputSize, "x has \(session.x.count) values for I=\(inputSize)")
        check(session.h.count == hiddenSize, "h has \(session.h.count) values for H=\(hiddenSize)")
        check(session.x.allSatisfy(\.isFinite), "x holds a value that is not finite: \(session.x)")
        check(session.h.allSatisfy(\.isFinite), "h holds a value that is not finite: \(session.h)")
        check(session.t >= 0, "t = \(session.t)")
        check(session.trace.x == session.x, "the live trace is not of the current x")
        check(session.trace.hPrev == session.h, "the live trace is not of the current h")
        for gate in session.pins.gates {
            let values = session.pins[gate] ?? []
            check(values.count == hiddenSize, "pinned \(gate) has \(values.count) values for H=\(hiddenSize)")
            check(values.allSatisfy { (0...1).contains($0) }, "pinned \(gate) outside [0, 1]: \(values)")
        }
        check((0..<inputSize).contains(inputIndex), "selected input \(inputIndex) outside 0..<\(inputSize)")
        check((0..<hiddenSize).contains(unit), "selected unit \(unit) outside 0..<\(hiddenSize)")
        check(tableOffset >= 0 && tableOffset < hiddenSize, "table offset \(tableOffset) for H=\(hiddenSize)")
        check(width >= 0 && height >= 0, "screen size \(width)×\(height)")
        for (name, buffer) in [("value editor", editing), ("command line", command)] {
            guard let buffer else { continue }
            if !quick || buffer.count <= Self.quickCheckCharacters {
                check(buffer.characters == Array(buffer.text), "the \(name)'s characters are not its text's")
            }
            check((0...buffer.count).contains(buffer.cursor), "the \(name)'s cursor \(buffer.cursor) outside 0...\(buffer.count)")
            check(buffer.count <= EditBuffer.maximumCount, "the \(name) holds \(buffer.count) characters")
        }
        if let historyCursor {
            check((0..<commandHistory.count).contains(historyCursor), "history cursor \(historyCursor) of \(commandHistory.count)")
        }
        check(overlayScroll >= 0 && (overlay != nil || overlayScroll == 0), "panel scrolled to line \(overlayScroll)")
        if !quick {
            let measured = measuredOverlayScrolling
            check(overlayScrolling == measured, "the panel's scrolling \(overlayScrolling) is not its measure \(measured)")
            check(overlayScroll <= measured.limit, "panel scrolled to line \(overlayScroll) of \(measured.limit)")
            let grid = view(self)
            check(grid.width == width && grid.height == height, "a \(grid.width)×\(grid.height) frame for a \(width)×\(height) screen")
        }
        return problems
    }
}
