print("gruscope")
