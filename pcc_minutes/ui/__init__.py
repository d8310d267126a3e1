"""The Qt front end: widgets, item models, actions and undo. Nothing imports this package."""
