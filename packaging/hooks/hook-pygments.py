# Replaces PyInstaller's own hook, which also bundles every pygments lexer (3.5 MB) for
# programs that look lexers up by name. Factcheck Compare has its own lexer
# (factcheck_gui/lexer.py), so only the styles and formatters, which pygments loads by name
# (the "default" style at least), are added; imported modules are found as usual.
from PyInstaller.utils.hooks import collect_submodules

hiddenimports = collect_submodules("pygments.styles") + collect_submodules("pygments.formatters")
