import APICore

/// Where the user has drilled in: the scope the panes show and, for each step in, where they came from.
///
/// Enter pushes a frame (the scope left, the pane it was entered from, and how each pane's list was left: selection,
/// filter, sort, first visible row); Esc pops it, so stepping back restores the parent exactly.
public struct ScopeNavigation: Sendable, Hashable {
    /// One step in: what to restore when stepping back out of it.
    public struct Frame: Sendable, Hashable {
        public var scope: Scope
        public var pane: PaneID
        /// How each pane's list was left when the step was taken.
        public var views: [PaneID: ListViewState]

        /// The selected row id of each pane when the step was taken.
        public var selections: [PaneID: String] { views.compactMapValues(\.selectedID) }
        /// The first visible row of each pane's table when the step was taken.
        public var offsets: [PaneID: Int] { views.mapValues(\.offset) }
    }

    /// What the panes show now.
    public private(set) var scope: Scope = .top
    /// The steps taken, outermost first.
    public private(set) var frames: [Frame] = []

    public init() {}

    /// Enters `node` from `pane`: a node of a kind already in the path replaces it (another account), a new kind
    /// goes one level deeper (a service account inside an organization).
    public mutating func enter(_ node: ScopeNode, from pane: PaneID, views: [PaneID: ListViewState]) {
        frames.append(Frame(scope: scope, pane: pane, views: views))
        var path = scope.path
        if let existing = path.firstIndex(where: { $0.kind == node.kind }) { path.removeSubrange(existing...) }
        scope = Scope(path + [node])
    }

    /// Goes to the top level from `pane` (an organization row that is the top level itself), as a step that Esc undoes.
    public mutating func enterTop(from pane: PaneID, views: [PaneID: ListViewState]) {
        guard !scope.isTop else { return }
        frames.append(Frame(scope: scope, pane: pane, views: views))
        scope = .top
    }

    /// Steps back out: the frame to restore, or nil at the top level.
    public mutating func back() -> Frame? {
        guard let frame = frames.popLast() else { return nil }
        scope = frame.scope
        return frame
    }

    /// Whether there is somewhere to step back to.
    public var canGoBack: Bool { !frames.isEmpty }
}
