<#
.SYNOPSIS
  Builds the Windows installer dist\desktop-agent-VERSION-windows-x64-setup.exe.

.DESCRIPTION
  Run on Windows 10/11 x64 with Python 3.11 or newer and Inno Setup 6, from any folder:

      powershell -ExecutionPolicy Bypass -File installers\windows\build.ps1

  1. creates .venv in the checkout (if missing) and installs the app with its `freeze` extra;
  2. freezes it with installers\desktop-agent.spec, the same spec as on Linux, into dist\desktop-agent
     (desktop-agent.exe for the command line, desktop-agent-gui.exe for the Start menu);
  3. checks that the frozen `desktop-agent.exe --version` prints pyproject.toml's version;
  4. compiles installers\windows\desktop-agent.iss with ISCC, passing that version.

.PARAMETER Python
  The interpreter that creates .venv (default: the `py -3` launcher, else `python`).

.PARAMETER Iscc
  Path to ISCC.exe (default: from PATH, else the usual Inno Setup 6 folders).

.PARAMETER SkipInstaller
  Stop after the frozen app is built and checked.
#>
[CmdletBinding()]
param(
    [string]$Python = "",
    [string]$Iscc = "",
    [switch]$SkipInstaller
)

$ErrorActionPreference = "Stop"
Set-StrictMode -Version Latest

$Root = (Resolve-Path (Join-Path $PSScriptRoot "..\..")).Path
Set-Location $Root

function Invoke-Checked([string]$Exe, [string[]]$Arguments) {
    & $Exe @Arguments
    if ($LASTEXITCODE -ne 0) {
        throw "$Exe $($Arguments -join ' ') failed with exit code $LASTEXITCODE"
    }
}

$VenvPython = Join-Path $Root ".venv\Scripts\python.exe"
if (-not (Test-Path $VenvPython)) {
    if ($Python) {
        Invoke-Checked $Python @("-m", "venv", ".venv")
    } elseif (Get-Command py -ErrorAction SilentlyContinue) {
        Invoke-Checked "py" @("-3", "-m", "venv", ".venv")
    } else {
        Invoke-Checked "python" @("-m", "venv", ".venv")
    }
}
& $VenvPython -c "import sys; sys.exit(sys.version_info < (3, 11))"
if ($LASTEXITCODE -ne 0) { throw ".venv has a Python older than 3.11: delete .venv and pass -Python" }

Invoke-Checked $VenvPython @("-m", "pip", "install", "--quiet", "--upgrade", "pip")
Invoke-Checked $VenvPython @("-m", "pip", "install", "--quiet", "-e", ".[freeze]")

$Version = (& $VenvPython -c "import tomllib; print(tomllib.load(open('pyproject.toml', 'rb'))['project']['version'])").Trim()
$Numeric = (& $VenvPython -c "import sys; sys.path.insert(0, 'installers'); import build_support; print('.'.join(map(str, build_support.version_tuple('$Version'))))").Trim()

Invoke-Checked $VenvPython @("-m", "PyInstaller", "--noconfirm", "--clean",
    "--distpath", "dist", "--workpath", "build", "installers\desktop-agent.spec")

$App = Join-Path $Root "dist\desktop-agent"
$Said = (& (Join-Path $App "desktop-agent.exe") --version | Out-String).Trim()
if ($Said -ne "desktop-agent $Version") {
    throw "the frozen app says '$Said' but pyproject.toml says $Version"
}
Write-Host "Frozen app: $App ($Said)"
if ($SkipInstaller) { return }

if (-not $Iscc) {
    $Found = Get-Command ISCC.exe -ErrorAction SilentlyContinue
    if ($Found) {
        $Iscc = $Found.Source
    } else {
        $Iscc = @(
            "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe",
            "$env:ProgramFiles\Inno Setup 6\ISCC.exe",
            "$env:LOCALAPPDATA\Programs\Inno Setup 6\ISCC.exe"
        ) | Where-Object { Test-Path $_ } | Select-Object -First 1
    }
}
if (-not $Iscc) {
    throw "ISCC.exe (Inno Setup 6) not found: install it (winget install JRSoftware.InnoSetup) or pass -Iscc"
}

# The spec renders the icon into its work folder (build\<spec name>\icons) for the executables.
$Icon = Join-Path $Root "build\desktop-agent\icons\desktop-agent.ico"
Invoke-Checked $Iscc @("/Qp", "/DAppVersion=$Version", "/DAppVersionNumeric=$Numeric",
    "/DSourceDir=$App", "/DOutputDir=$(Join-Path $Root 'dist')", "/DIconFile=$Icon",
    (Join-Path $Root "installers\windows\desktop-agent.iss"))
Write-Host "Installer: $(Join-Path $Root "dist\desktop-agent-$Version-windows-x64-setup.exe")"
