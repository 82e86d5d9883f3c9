import APICore
import ConsoleModel
import TUIKit

/// Every user action of the console, once: navigation, each pane's actions, every write and every palette command.
///
/// The key map, the status-line hints, the `?` overlay and the `:` palette are generated from it, and `[keys]` in the
/// config rebinds its entries by id.
public struct ActionCatalogue: Sendable {
    public let actions: [ConsoleAction]

    public init(_ actions: [ConsoleAction]) {
        self.actions = actions
    }

    /// The console's catalogue.
    public static let standard = ActionCatalogue(general + paneActions + tokenMenu + commands)

    /// The action with `id`.
    public subscript(id: ActionID) -> ConsoleAction? { actions.first { $0.id == id } }

    /// Every id, for messages that suggest one.
    public var ids: [ActionID] { actions.map(\.id) }
}
