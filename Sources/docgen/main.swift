import DocgenCommandLine

Docgen.runMain()
