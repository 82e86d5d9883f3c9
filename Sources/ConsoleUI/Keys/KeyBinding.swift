import ConsoleModel
import TUIKit

/// Keys bound to an action, with the help text the `?` overlay shows.
public struct KeyBinding: Sendable {
    public var keys: [Key]
    public var action: Action
    /// How the keys are written in help ("j ↓").
    public var label: String
    public var help: String
    /// Panes where the binding applies; nil means everywhere.
    public var panes: Set<PaneID>?

    public init(_ keys: [Key], _ action: Action, label: String, help: String, panes: Set<PaneID>? = nil) {
        self.keys = keys
        self.action = action
        self.label = label
        self.help = help
        self.panes = panes
    }

    /// Whether the binding applies on `pane`.
    public func applies(on pane: PaneID) -> Bool { panes?.contains(pane) ?? true }
}
