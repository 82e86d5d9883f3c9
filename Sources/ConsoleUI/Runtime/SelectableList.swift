import ConsoleModel

/// What the runtime does with any pane's list, whatever its row type.
@MainActor
protocol SelectableList: AnyObject {
    var selectedIndex: Int? { get }
    var selectedID: String? { get }
    var rowCount: Int { get }
    var filterText: String { get }
    var viewportHeight: Int { get set }
    func select(index: Int)
    func moveSelection(by delta: Int)
    func setFilter(_ text: String)
    func sortByNextColumn()
    func reverseSort()
    func loadAll()
    func refresh()
}

extension PagedListModel: SelectableList {
    var selectedIndex: Int? { snapshot.selectedIndex }
    var selectedID: String? { snapshot.selectedRow?.id }
    var rowCount: Int { snapshot.rows.count }
    var filterText: String { snapshot.filter }
}
