; Inno Setup 6 script: a per-user installer (no administrator rights) for the one-folder Desktop Agent.
; installers\windows\build.ps1 builds the app and then compiles this, passing the version read from
; pyproject.toml (the only place it is written):
;   ISCC.exe /DAppVersion=0.1.0 /DAppVersionNumeric=0.1.0.0 /DSourceDir=<repo>\dist\desktop-agent
;            /DOutputDir=<repo>\dist [/DIconFile=<repo>\build\desktop-agent\icons\desktop-agent.ico]
;            installers\windows\desktop-agent.iss
; Installs into %LOCALAPPDATA%\Programs\Desktop Agent, with Start-menu entries and an uninstaller. The
; user's data (%LOCALAPPDATA%\DesktopAgent\desktop-agent) is neither installed nor removed by it.

#ifndef AppVersion
  #error Pass the version: ISCC /DAppVersion=X.Y.Z (build.ps1 reads it from pyproject.toml)
#endif
#ifndef AppVersionNumeric
  #define AppVersionNumeric AppVersion
#endif
#ifndef SourceDir
  #define SourceDir "..\..\dist\desktop-agent"
#endif
#ifndef OutputDir
  #define OutputDir "..\..\dist"
#endif

[Setup]
; The AppId ties upgrades and the uninstaller together: never change it.
AppId={{7C3E9A14-52B8-4F0D-A6E1-9D2B4C8F0E57}
AppName=Desktop Agent
AppVersion={#AppVersion}
AppVerName=Desktop Agent {#AppVersion}
AppPublisher=Desktop Agent
VersionInfoVersion={#AppVersionNumeric}
VersionInfoProductVersion={#AppVersionNumeric}
VersionInfoDescription=Desktop Agent setup
PrivilegesRequired=lowest
DefaultDirName={autopf}\Desktop Agent
DefaultGroupName=Desktop Agent
DisableProgramGroupPage=yes
UsedUserAreasWarning=no
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir={#OutputDir}
OutputBaseFilename=desktop-agent-{#AppVersion}-windows-x64-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes
UninstallDisplayName=Desktop Agent {#AppVersion}
UninstallDisplayIcon={app}\desktop-agent-gui.exe
#ifdef IconFile
SetupIconFile={#IconFile}
#endif

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "ru"; MessagesFile: "compiler:Languages\Russian.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An upgrade replaces the whole bundle, so no file of an older build lingers among the new libraries.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
; desktop-agent-gui.exe is the windowed twin of desktop-agent.exe (the console one, for the command line).
Name: "{autoprograms}\Desktop Agent"; Filename: "{app}\desktop-agent-gui.exe"; WorkingDir: "{app}"
Name: "{autoprograms}\Desktop Agent Wallboard"; Filename: "{app}\desktop-agent-gui.exe"; Parameters: "wallboard"; WorkingDir: "{app}"
Name: "{autoprograms}\{cm:UninstallProgram,Desktop Agent}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\Desktop Agent"; Filename: "{app}\desktop-agent-gui.exe"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\desktop-agent-gui.exe"; Description: "{cm:LaunchProgram,Desktop Agent}"; Flags: nowait postinstall skipifsilent
