print("embed-migrations: not yet implemented")
