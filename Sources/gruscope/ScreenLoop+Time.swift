import App
import TerminalInput

extension ScreenLoop {
    /// Carries out work for the time panels (a long timeline summary, influence at a late step)
    /// on the screen's thread, a block of steps at a time: every tenth of a second it shows how
    /// far it is, and as soon as a key, a click or a resize arrives it stops, reports that it
    /// stopped, and hands the input on; the screen asks for the work again once the input is
    /// handled (so scrubbing through a long sequence never waits for it).
    mutating func performTime(_ work: TimeWork) {
        var waiting: InputEvent?
        var lastFrame = RenderBenchmark.now()
        let result = work.run { progress in
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
        send(.finished(.time(.finished(result))))
        if let waiting { send(Event(waiting)) }
    }
}
