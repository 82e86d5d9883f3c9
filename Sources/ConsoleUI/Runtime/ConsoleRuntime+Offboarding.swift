import APICore
import ConsoleModel
import TUIKit

/// `D` on a person: the plan, confirmed by typing the email, then run one step at a time; each step's result lands
/// as an event and starts the next, a failure or an unknown outcome stops the run, and `c` resumes it.
extension ConsoleRuntime {
    func openOffboarding(_ person: Person, people: LensTable, person personTable: LensTable?) {
        let kept = state.lens.plan.map { $0.email.lowercased() == person.id && !$0.isFinished } ?? false
        if !kept {
            let directories = Dictionary(uniqueKeysWithValues: sessions.map { ($0.key, $0.value.session.directory) })
            state.lens.plan = OffboardingPlan(person: person, directories: directories)
        }
        var dialog = OffboardingDialog(email: person.email, people: people, person: personTable)
        // A plan that already ran part of the way was confirmed then: it resumes without typing again.
        dialog.confirmed = state.lens.plan?.steps.contains { $0.state.wasStarted } ?? false
        state.overlay = .offboarding(dialog)
    }

    func handleOffboardingKey(_ key: Key, dialog: OffboardingDialog) {
        var dialog = dialog
        guard let plan = state.lens.plan else { return closeOffboarding(dialog) }
        switch key {
        case .escape: return closeOffboarding(dialog)
        case .down where dialog.confirmed, .character("j") where dialog.confirmed: dialog.offset += 1
        case .up where dialog.confirmed, .character("k") where dialog.confirmed: dialog.offset -= 1
        case .character("q") where dialog.confirmed: return closeOffboarding(dialog)
        case .character("c") where dialog.confirmed:
            if !state.lens.planRunning, plan.nextStep != nil { runOffboarding() }
        case .backspace where !dialog.confirmed: dialog.typed = String(dialog.typed.dropLast())
        case .character(let character) where !dialog.confirmed: dialog.typed.append(character)
        case .enter where !dialog.confirmed:
            guard dialog.typed.lowercased() == plan.email.lowercased() else {
                state.flash = Notice(.warning, "Type the email exactly to confirm the offboarding")
                break
            }
            if let refusing = plan.profiles.first(where: { sessions[$0]?.session.readOnly ?? true }) {
                state.flash = Notice(
                    .warning,
                    "Read-only mode (profile \(refusing)): the whole offboarding is refused, nothing was sent "
                        + "(start without --read-only to make changes)")
                break
            }
            dialog.confirmed = true
            state.overlay = .offboarding(dialog)
            return runOffboarding()
        default: break
        }
        dialog.offset = max(0, min(dialog.offset, plan.steps.count - 1))
        state.overlay = .offboarding(dialog)
    }

    private func closeOffboarding(_ dialog: OffboardingDialog) {
        if let plan = state.lens.plan, !plan.steps.contains(where: { $0.state.wasStarted }) {
            // Never confirmed: nothing to resume.
            state.lens.plan = nil
        }
        state.overlay =
            dialog.person.map { .person(email: dialog.email.lowercased(), table: $0, people: dialog.people) }
            ?? .people(dialog.people)
    }

    /// Sends the next outstanding step (a step whose outcome was unknown is read again first, by the runner).
    func runOffboarding() {
        guard !state.lens.planRunning, let plan = state.lens.plan else { return }
        guard let index = plan.nextStep else { return finishOffboarding(plan) }
        let step = plan.steps[index]
        guard let target = sessions[step.profile]?.session else {
            state.lens.plan?.steps[index].state = .failed("profile \(step.profile) is not signed in")
            return
        }
        state.lens.plan?.steps[index].state = .running
        state.lens.planRunning = true
        crossProfileEffect({ _ in await OffboardingRunner.run(step, in: target) }) { runtime, outcome in
            runtime.landOffboardingStep(step.id, outcome)
        }
    }

    private func landOffboardingStep(_ id: String, _ outcome: OffboardingStep.State) {
        state.lens.planRunning = false
        guard let index = state.lens.plan?.steps.firstIndex(where: { $0.id == id }) else { return }
        state.lens.plan?.steps[index].state = outcome
        switch outcome {
        case .failed(let message), .unknown(let message):
            state.flash = Notice(.error, "Offboarding stopped at step \(index + 1): \(message) · c resumes")
        default: runOffboarding()
        }
    }

    private func finishOffboarding(_ plan: OffboardingPlan) {
        let done = plan.steps.filter { $0.state == .done }.count
        let manual = plan.steps.filter { $0.state.isManual }.count
        state.flash = Notice(
            manual == 0 ? .success : .warning,
            "Offboarded \(TextSanitizer.sanitize(plan.email).text): \(done) steps done"
                + (manual > 0 ? ", \(manual) left to do by hand" : ""))
        // What is left of the person (nothing, or the steps done by hand) shows after a fresh sweep.
        sweepEveryProfile()
    }
}
