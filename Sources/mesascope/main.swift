print("mesascope")
