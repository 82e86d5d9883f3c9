/// How one list was left when the user drilled in: what Esc restores on the way back out.
public struct ListViewState: Sendable, Hashable {
    /// The selected row's id.
    public var selectedID: String?
    /// The filter text (`/`).
    public var filter: String
    /// The sort (`s`, `S`); nil is load order.
    public var sort: SortState?
    /// The first visible row of the table.
    public var offset: Int

    public init(selectedID: String? = nil, filter: String = "", sort: SortState? = nil, offset: Int = 0) {
        self.selectedID = selectedID
        self.filter = filter
        self.sort = sort
        self.offset = offset
    }
}

extension PagedListModel {
    /// The list's view state now, with the table's first visible row `offset`.
    func viewState(offset: Int) -> ListViewState {
        ListViewState(
            selectedID: snapshot.selectedRow?.id, filter: snapshot.filter, sort: snapshot.sort, offset: offset)
    }

    /// Starts the list afresh for another scope: no filter, load order.
    func resetView() {
        setFilter("")
        if snapshot.sort != nil { setSort(nil) }
    }

    /// Puts back the filter and sort the user left (the selection is restored as the rows load).
    func restoreView(_ view: ListViewState) {
        setFilter(view.filter)
        if view.sort != snapshot.sort { setSort(view.sort) }
    }
}

/// A list whose rows depend on the scope, whatever its row type: what drilling in and stepping back do to it.
@MainActor
protocol ScopedList: AnyObject {
    func viewState(offset: Int) -> ListViewState
    func resetView()
    func restoreView(_ view: ListViewState)
}

extension PagedListModel: ScopedList {}
