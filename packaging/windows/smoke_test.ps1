# Smoke-test the BUILT Windows bundle (not the source): version, compare JSON, GUI offscreen,
# and the window's export through the bundled factcheck.exe.
#   powershell -ExecutionPolicy Bypass -File packaging\windows\smoke_test.ps1 [BundleDir]
param([string]$Bundle = "$PSScriptRoot\..\..\build\windows\dist\factcheck-compare")
$ErrorActionPreference = "Stop"
$Root = (Resolve-Path "$PSScriptRoot\..\..").Path
$Expected = (Select-String -Path "$Root\factcheck_gui\__init__.py" -Pattern '__version__ = "(.*)"').Matches[0].Groups[1].Value
$env:QT_QPA_PLATFORM = "offscreen"
$env:LOCALAPPDATA = Join-Path $env:TEMP "factcheck-smoke-$PID"   # a first run: no user data yet
$failed = 0

$v = & "$Bundle\factcheck.exe" --version
# "factcheck X.Y.Z", possibly followed by " (comparison engine ...)"
if ($LASTEXITCODE -eq 0 -and ($v -split ' \(')[0] -eq "factcheck $Expected") { "ok - factcheck --version: $v" } else { "not ok - version: $v"; $failed++ }

$json = & "$Bundle\factcheck.exe" compare "$Root\resources\samples\original.txt" "$Root\resources\samples\rewrite.txt" --format json | Out-String
$doc = $json | ConvertFrom-Json
if ($LASTEXITCODE -eq 0 -and $doc.schema -eq "factcheck.compare/1" -and $doc.changes.Count -gt 0) { "ok - compare JSON" } else { "not ok - compare JSON"; $failed++ }

$gui = Start-Process -FilePath "$Bundle\factcheck-gui.exe" -ArgumentList "--demo", "--quit-after", "1500" -Wait -PassThru
if ($gui.ExitCode -eq 0) { "ok - factcheck-gui --demo exits 0" } else { "not ok - factcheck-gui exit $($gui.ExitCode)"; $failed++ }

# File -> Export runs the bundle's own factcheck.exe as a child process: the frozen path.
$pdf = Join-Path $env:LOCALAPPDATA "review-gui.pdf"
New-Item -ItemType Directory -Force -Path $env:LOCALAPPDATA | Out-Null
$gui = Start-Process -FilePath "$Bundle\factcheck-gui.exe" -ArgumentList "--demo", "--quit-after", "100", "--export-to", "`"$pdf`"" -Wait -PassThru
$head = if (Test-Path $pdf) { [System.Text.Encoding]::ASCII.GetString([System.IO.File]::ReadAllBytes($pdf)[0..4]) } else { "" }
if ($gui.ExitCode -eq 0 -and $head -eq "%PDF-") { "ok - the window's export writes a PDF" } else { "not ok - the window's export (exit $($gui.ExitCode))"; $failed++ }

"smoke: $(4 - $failed) passed, $failed failed"
exit $failed
