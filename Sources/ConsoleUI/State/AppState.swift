import ConsoleModel
import TUIKit

/// Everything the screen shows that is not in a view-model: the runtime is its only writer.
public struct AppState: Sendable {
    public var pane: PaneID = .accounts
    public var size: Size
    public var overlay: Overlay?
    /// The filter line is being edited (after `/`).
    public var editingFilter = false
    public var showDetails = false
    /// A message for the status line that outlives view-model notices (quit hints, palette results).
    public var flash: Notice?
    public var themeName: String
    /// Frames drawn so far; drives the spinner.
    public var tick = 0
    public var shouldQuit = false
    /// First visible row of each pane's table, kept so the selection stays in view.
    public var offsets: [PaneID: Int] = [:]
    /// The first line of the `?` overlay shown (it scrolls when the pane has more actions than fit).
    public var helpOffset = 0
    /// The cross-profile views' data (`:people`, `:risks`).
    public var lens = LensState()

    public init(size: Size, themeName: String) {
        self.size = size
        self.themeName = themeName
    }
}
