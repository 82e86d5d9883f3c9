import ConsoleModel
import TUIKit

/// `:theme` and copying to the clipboard: the two settings a key changes while the console runs.
extension ConsoleRuntime {
    func setTheme(named name: String) {
        switch themes.theme(named: name) {
        case .success(let loaded):
            theme = loaded.theme
            state.themeName = loaded.theme.name
            state.flash =
                loaded.warnings.isEmpty
                ? Notice(.success, "Theme \(loaded.theme.name)")
                : Notice(.warning, "Theme \(loaded.theme.name): " + loaded.warnings.joined(separator: "; "))
        case .failure(let error):
            state.flash = Notice(.error, error.message)
        }
    }

    func copyToClipboard(_ text: String, what: String) {
        guard let copy else {
            state.flash = Notice(.info, "Copying is off: set copy_osc52 = true in the config to copy with y / c")
            return
        }
        copy(text)
        state.flash = Notice(.success, "Copied \(what) to the clipboard")
    }
}
