# Build Factcheck Compare for Windows: PyInstaller folder, a portable .zip, and the per-user
# Inno Setup installer. Run from anywhere in PowerShell 5+ with Python 3.11+ and Inno Setup 6.3+:
#
#   powershell -ExecutionPolicy Bypass -File packaging\windows\build_windows.ps1
#
# Outputs in dist\: FactcheckCompare-<version>-windows-x64-setup.exe and
# factcheck-compare-<version>-windows-x64.zip. Set $env:ISCC to iscc.exe's path when Inno
# Setup is not in the default folder, $env:PYTHON for another interpreter.
$ErrorActionPreference = "Stop"
$Root = (Resolve-Path "$PSScriptRoot\..\..").Path
$Build = Join-Path $Root "build\windows"
$Dist = Join-Path $Root "dist"
$Venv = Join-Path $Build "venv"
$Python = if ($env:PYTHON) { $env:PYTHON } else { "python" }
New-Item -ItemType Directory -Force $Build, $Dist | Out-Null

function Run { param([string]$Exe, [string[]]$Arguments)
  & $Exe @Arguments
  if ($LASTEXITCODE -ne 0) { throw "failed ($LASTEXITCODE): $Exe $Arguments" }
}

if (-not (Test-Path "$Venv\Scripts\python.exe")) { Run $Python @("-m", "venv", $Venv) }
$VPy = "$Venv\Scripts\python.exe"
Run $VPy @("-m", "pip", "install", "-q", "--upgrade", "pip")
Run $VPy @("-m", "pip", "install", "-q", "pyinstaller==6.22.3")  # the exact pin of build_linux.sh
Run $VPy @("-m", "pip", "install", "-q", "-c", (Join-Path $Root "constraints.txt"), $Root)  # the tested set
Run $VPy @("-m", "pip", "install", "-q", "--force-reinstall", "--no-deps", $Root)
$Version = (& $VPy -c "import factcheck_gui; print(factcheck_gui.__version__)").Trim()
# Four numbers for the setup's version resource (packaging\version_info.py maps PEP 440 versions).
$NumericVersion = (& $VPy -c "import sys; sys.path.insert(0, r'$Root\packaging'); import version_info as v; print('.'.join(map(str, v.numeric_version('$Version'))))").Trim()

Push-Location $Root
try {
  Run "$Venv\Scripts\pyinstaller.exe" @("--noconfirm", "--clean", "--log-level", "WARN",
    "--distpath", "$Build\dist", "--workpath", "$Build\work", "packaging\factcheck.spec")
} finally { Pop-Location }
$Bundle = "$Build\dist\factcheck-compare"
foreach ($exe in "factcheck.exe", "factcheck-gui.exe") {
  if (-not (Test-Path "$Bundle\$exe")) { throw "bundle incomplete: $exe missing" }
}

$Zip = "$Dist\factcheck-compare-$Version-windows-x64.zip"
if (Test-Path $Zip) { Remove-Item $Zip }
Compress-Archive -Path $Bundle -DestinationPath $Zip

$Iscc = if ($env:ISCC) { $env:ISCC } else { "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe" }
Run $Iscc @("/Q", "/DAppVersion=$Version", "/DAppNumericVersion=$NumericVersion", "/DBundleDir=$Bundle", "/DOutputDir=$Dist",
  "$Root\packaging\windows\factcheck.iss")
Get-ChildItem $Dist | Where-Object Name -like "*$Version*windows*" | Format-Table Name, Length
