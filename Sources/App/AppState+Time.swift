import GRUCore
import Localization
import Teaching
import TerminalInput
import Widgets

extension AppState {
    /// Whether the time panels show: the session holds a sequence of more than one step.
    public var showsTime: Bool { timeSequence != nil }

    /// What the layout needs for the time panels, when they show.
    var timeLayoutNeeds: TimelineLayout.Needs? {
        showsTime ? TimelineLayout.Needs(characters: hasInputCharacters) : nil
    }

    // MARK: Keys

    /// The time keys (``KeyContext/time`` and ``KeyContext/timeline``).
    mutating func performTime(_ action: Action) {
        guard let sequence = timeSequence else { return }
        let t = timeCursor, last = sequence.count - 1
        switch action {
        case .previousStep:
            if t == 0 { say("time.at_first") } else { moveTime(to: t - 1) }
        case .nextStep:
            if t == last { say("time.at_last", ["t": String(t)]) } else { moveTime(to: t + 1) }
        case .firstStep: moveTime(to: 0)
        case .lastStep: moveTime(to: last)
        case .gotoStep:
            command = EditBuffer("goto ")
            historyCursor = nil
        case .cycleTimeline:
            timeline.cycleQuantity()
            say("time.quantity", ["quantity": text("column." + timeline.quantity.catalogueKey)])
        case .zoomIn, .zoomOut:
            zoom(in: action == .zoomIn, count: sequence.count)
        case .scrollBack, .scrollForward:
            scroll(forward: action == .scrollForward, count: sequence.count)
        default:
            break
        }
    }

    /// `:timeline [QUANTITY] [UNIT] [mean|min|max]` on the screen: the panel shows that
    /// quantity, folded so, with that unit selected (the repl prints the strips instead).
    mutating func setTimeline(_ query: TimelineQuery) {
        if let unit = query.unit {
            do throws(UserError) {
                try UnitCheck.check(unit, hiddenSize: session.hiddenSize)
            } catch {
                status = StatusMessage(text("status.error", ["message": message(of: error)]), isError: true)
                return
            }
            self.unit = unit
        }
        if let field = query.field, let quantity = TimelineOptions.quantities.first(where: { $0.field == field }) {
            timeline.quantity = quantity
        }
        if let fold = query.fold { timeline.fold = fold }
        say("time.quantity", ["quantity": text("column." + timeline.quantity.catalogueKey)])
    }

    /// Moves the time cursor and says where it is.
    mutating func moveTime(to step: Int) {
        if let moved = apply({ try $0.goto(step) }) {
            say("time.cursor", ["t": String(moved.t), "count": String(moved.count)])
        }
    }

    private mutating func zoom(in closer: Bool, count: Int) {
        let columns = layout.timeline?.columns ?? 1
        if closer {
            guard timeline.canZoomIn(count: count, columns: columns) else { return say("time.zoom_deepest") }
            timeline.zoom += 1
        } else {
            guard timeline.zoom > 0 else { return say("time.zoom_whole") }
            timeline.zoom -= 1
        }
        // Zooming keeps the cursor's step where the eye is: in the middle of the new window.
        let span = timeline.span(count: count, columns: columns)
        timeline.first = max(0, timeCursor - span / 2)
        say("time.zoomed", ["n": String(span), "count": String(count)])
    }

    private mutating func scroll(forward: Bool, count: Int) {
        let columns = layout.timeline?.columns ?? 1
        let span = timeline.span(count: count, columns: columns)
        guard span < count else { return say("time.zoom_whole") }
        // Scrolling moves the cursor with the window, by half a window.
        let shift = max(1, span / 2) * (forward ? 1 : -1)
        timeline.first = min(max(0, timeline.first + shift), count - span)
        moveTime(to: min(max(0, timeCursor + shift), count - 1))
    }

    // MARK: Mouse

    /// A click on the timeline moves the cursor to the step of that column (the first of a
    /// column holding several) and, on a strip, selects its unit; the wheel steps through time.
    mutating func handleTimeline(_ mouse: MouseEvent, in timelineLayout: TimelineLayout) {
        switch mouse.action {
        case .wheelUp: performTime(.previousStep)
        case .wheelDown: performTime(.nextStep)
        case .click:
            if timelineLayout.strips.contains(x: mouse.x, y: mouse.y) {
                let row = tableOffset + mouse.y - timelineLayout.strips.y
                if row < session.hiddenSize { unit = row }
            }
            focus = .timeline
            editing = nil
            guard let column = timelineLayout.column(atX: mouse.x), let summary = timeCache.summary?.value,
                  column < summary.columns else { return }
            moveTime(to: summary.steps(inColumn: column).lowerBound)
        }
    }

    // MARK: Keeping the panels up to date

    /// Keeps the timeline's window on the cursor and the time caches up to date, after every
    /// event: quick work is done at once, longer work is handed to the loop as ``Effect/time(_:)``
    /// (one job at a time; not at all when `mayStartWork` is false, right after the loop stopped
    /// a job for input, so that the input is handled first).
    mutating func refreshTime(mayStartWork: Bool = true) -> [Effect] {
        guard let sequence = timeSequence, let timelineLayout = layout.timeline else {
            if focus == .timeline { focus = .units }
            timeCache = TimeCache()
            return []
        }
        let t = timeCursor, id = session.sequenceID
        let window = timeline.window(count: sequence.count, columns: timelineLayout.columns, cursor: t)
        timeline.first = window.lowerBound
        let request = TimelineRequest(field: timeline.quantity.field, window: window, columns: min(timelineLayout.columns, window.count))
        var pending: TimeWork.Job?
        if !(timeCache.summary.map { $0.sequence == id && $0.request == request } ?? false) {
            let job = TimeWork.Job.summary(request)
            timeCache.summary = nil
            if TimeWork.cost(of: job, on: sequence) <= quickTimeWork, let result = TimeWork(job: job, sequenceID: id).run(on: sequence) {
                store(result)
            } else {
                pending = job
            }
        }
        let memoryRequest = MemoryRequest(unit: unit, step: t)
        if !(timeCache.memory.map { $0.sequence == id && $0.request == memoryRequest } ?? false) {
            timeCache.memory = (id, memoryRequest, retention(of: memoryRequest, in: sequence))
        }
        if timeCache.memory?.value.influence == nil {
            let job = TimeWork.Job.influence(memoryRequest)
            if TimeWork.cost(of: job, on: sequence) <= quickTimeWork, let result = TimeWork(job: job, sequenceID: id).run(on: sequence) {
                store(result)
            } else if pending == nil {
                pending = job
            }
        }
        // One job at a time: a job that is running reports progress through `update` too.
        guard let pending, mayStartWork, timeCache.working == nil else { return [] }
        let work = TimeWork(job: pending, sequenceID: id)
        timeCache.working = work
        timeCache.progress = nil
        return [.time(work)]
    }

    /// The unit's memory at the step without influence yet: retention from the unit's update
    /// gate over every step, kept for the next steps the cursor visits.
    private mutating func retention(of request: MemoryRequest, in sequence: GRUSequence) -> UnitMemory {
        let id = session.sequenceID
        if !(timeCache.gates.map { $0.unit == request.unit && $0.sequence == id } ?? false) {
            timeCache.gates = (id, request.unit, sequence.gateHistory(.z, unit: request.unit))
        }
        let z = timeCache.gates?.z ?? []
        return UnitMemory(
            unit: request.unit, step: request.step, retention: GRUSequence.retention(updateGates: z, at: request.step),
            influence: nil, pinned: sequence.pins.gates)
    }

    /// Keeps what work gave, if it is still of the sequence shown.
    private mutating func store(_ result: TimeWorkResult) {
        let id = session.sequenceID
        guard showsTime, result.work.sequenceID == id else { return }
        switch (result.work.job, result.outcome) {
        case let (.summary(request), .summary(summary)):
            timeCache.summary = (id, request, summary, TimeExplanations.signedBound(summary))
        case let (.influence(request), .influence(values)):
            guard var memory = timeCache.memory, memory.request == request else { return }
            memory.value.influence = values
            timeCache.memory = memory
        default:
            break
        }
    }

    /// Takes what the loop reports of time work: progress, a result, or nil when input stopped it.
    mutating func receiveTime(_ report: TimeWorkReport) {
        switch report {
        case let .progress(progress):
            timeCache.progress = progress
        case let .finished(result):
            timeCache.working = nil
            timeCache.progress = nil
            if let result { store(result) }
        }
    }
}

/// What the loop reports of ``TimeWork``.
public enum TimeWorkReport: Sendable {
    /// How far it is.
    case progress(GRUProgress)
    /// Its result, or nil when input arrived and it was stopped (it is asked for again after
    /// the input is handled).
    case finished(TimeWorkResult?)
}

extension Event {
    /// Whether this is the loop saying it stopped time work for waiting input.
    var stoppedTimeWork: Bool {
        if case .finished(.time(.finished(nil))) = self { return true }
        return false
    }
}
