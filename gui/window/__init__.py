"""The main window's parts: its menus, its tabs built on demand, the state it keeps in QSettings."""
