import ArgumentParser

@main
struct Tool: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "cchc-admin")
    func run() throws {}
}
