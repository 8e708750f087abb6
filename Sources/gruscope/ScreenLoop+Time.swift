import App
import GRUCore
import TerminalInput

extension ScreenLoop {
    /// Carries out work for the time panels (a long timeline summary, influence at a late step)
    /// on the screen's thread, a block of steps at a time: every tenth of a second it shows how
    /// far it is, and as soon as a key, a click or a resize arrives it stops, reports that it
    /// stopped, and hands the input on; the screen asks for the work again once the input is
    /// handled (so scrubbing through a long sequence never waits for it).
    mutating func performTime(_ work: TimeWork) {
        let (result, waiting) = runTime(work)
        send(.finished(.time(.finished(result))))
        // The work's view of the sequence is gone by now, so an edit the input makes changes
        // the sequence in place.
        if let waiting { send(Event(waiting)) }
    }

    private mutating func runTime(_ work: TimeWork) -> (TimeWorkResult?, InputEvent?) {
        guard let sequence = state.timeSequence, state.session.sequenceID == work.sequenceID else { return (nil, nil) }
        var waiting: InputEvent?
        var lastFrame = RenderBenchmark.now()
        let result = work.run(on: sequence) { progress in
            if let input = terminal.nextEvent(timeoutMilliseconds: 0) {
                waiting = input
                return false
            }
            let now = RenderBenchmark.now()
            if now - lastFrame >= 0.1 {
                lastFrame = now
                send(.finished(.time(.progress(progress))))
                presentFrame()
            }
            return true
        }
        return (result, waiting)
    }
}
