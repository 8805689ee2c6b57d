# Replaces the contrib hook, which bundles every lxml submodule. lxml.objectify and
# lxml.isoschematron (3 MB, schema files included) are used by nothing in the app; whatever
# is imported (lxml.etree, lxml.html via trafilatura, python-docx) is still found normally.
from PyInstaller.utils.hooks import collect_submodules

hiddenimports = collect_submodules(
    "lxml", filter=lambda name: not name.startswith(("lxml.objectify", "lxml.isoschematron"))
)
