import GRUCore
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
