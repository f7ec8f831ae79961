import CLibFuzzer
import DocgenFuzzing

// libFuzzer over one page of a fixed site: parse, lint and render (see FuzzInput.Target.page).

/// The input callback libFuzzer calls.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPageInput(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    FuzzHarness.run(.page, bytes, count)
    return 0
}

/// The entry point SwiftPM links as `main` (it names an executable's entry point after its
/// module); it hands over to libFuzzer's driver, as libFuzzer's own main would.
@_cdecl("docgen_fuzz_page_main")
public func fuzzPageMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv) { bytes, count in fuzzPageInput(bytes, count) }
}
