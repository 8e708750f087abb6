import GRUCore
import Script
import Teaching
import TerminalInput

/// Everything that can change the screen's state; ``update`` is the only place it changes.
public enum Event: Sendable {
    /// A key press.
    case key(Key)
    /// A mouse click or wheel turn.
    case mouse(MouseEvent)
    /// The terminal now has this many columns and rows.
    case resize(width: Int, height: Int)
    /// The terminal sent a sequence no key is known by (written out safely); it was dropped.
    case unknownSequence(String)
    /// The terminal loop reports how an ``Effect`` went.
    case finished(EffectResult)
    /// Background work has come this far.
    case workProgress(id: Int, GRUProgress)
    /// A command the host runs as if typed on the ':' line (`line` is how it reads there): the
    /// screen's `--inputs FILE`, loaded once the screen shows, as interruptible work.
    case command(HostCommand<TeachingCommand>, line: String)

    /// What the terminal delivered, as an event.
    public init(_ input: InputEvent) {
        switch input {
        case let .key(key): self = .key(key)
        case let .mouse(mouse): self = .mouse(mouse)
        case let .resize(width, height): self = .resize(width: width, height: height)
        case let .unknownSequence(text): self = .unknownSequence(text)
        }
    }
}
