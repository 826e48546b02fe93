//: see docs/architecture.md.
