; Inno Setup 6.3+ script: a per-user installer for Factcheck Compare (no administrator rights).
;
;   iscc /DAppVersion=0.1.0 /DBundleDir=..\..\build\windows\dist\factcheck-compare packaging\windows\factcheck.iss
;
; (packaging\windows\build_windows.ps1 does this after PyInstaller.) Installs the PyInstaller
; folder into %LOCALAPPDATA%\Programs\Factcheck Compare, adds a Start-menu entry (and, if
; ticked, a desktop icon and `factcheck` on the user's PATH). The uninstaller removes only
; what was installed: the review database lives in the user's data folder
; (%LOCALAPPDATA%\factcheck-compare\...), outside {app}, and is never touched.

; 6.3 introduced the x64compatible architecture identifier used below; older compilers would
; reject it (or, before 6.0, misread the script).
#if Ver < EncodeVer(6, 3, 0)
  #error Inno Setup 6.3 or later is needed: choco upgrade innosetup (or https://jrsoftware.org/isdl.php)
#endif
#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=X.Y.Z ...
#endif
; Four numbers for the setup's own version resource (build_windows.ps1 passes them; 0.1.0rc1
; gives 0.1.0.0). The programs' version resource comes from the PyInstaller spec.
#ifndef AppNumericVersion
  #define AppNumericVersion "0.0.0.0"
#endif
#ifndef BundleDir
  #define BundleDir "..\..\build\windows\dist\factcheck-compare"
#endif
#ifndef OutputDir
  #define OutputDir "..\..\dist"
#endif

[Setup]
; Never change AppId: Windows uses it to find the installed copy for upgrades and removal.
AppId={{6F1C2B1E-4E0B-4C47-9B8E-2C3D6A7F9E21}
AppName=Factcheck Compare
AppVersion={#AppVersion}
AppVerName=Factcheck Compare {#AppVersion}
AppPublisher=Factcheck Compare developers
AppPublisherURL=https://github.com/factcheck-compare/factcheck-compare
PrivilegesRequired=lowest
DefaultDirName={autopf}\Factcheck Compare
DefaultGroupName=Factcheck Compare
DisableProgramGroupPage=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir={#OutputDir}
OutputBaseFilename=FactcheckCompare-{#AppVersion}-windows-x64-setup
SetupIconFile=..\icons\factcheck-compare.ico
UninstallDisplayIcon={app}\factcheck-gui.exe
UninstallDisplayName=Factcheck Compare
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ChangesEnvironment=yes
CloseApplications=yes
VersionInfoVersion={#AppNumericVersion}
VersionInfoProductVersion={#AppNumericVersion}
VersionInfoTextVersion={#AppVersion}
VersionInfoProductTextVersion={#AppVersion}
VersionInfoCompany=Factcheck Compare developers
VersionInfoCopyright=Copyright (c) 2026 Factcheck Compare developers
MinVersion=10.0

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked
Name: "addtopath"; Description: "Add the factcheck command to my PATH"; GroupDescription: "Command line:"; Flags: unchecked

[InstallDelete]
; An upgrade replaces the whole bundle: libraries and modules the new version no longer ships
; must not stay behind in {app}\_internal, where Python and Qt would still find and load them.
; Only the install folder: the review database lives in the user's data folder.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\Factcheck Compare"; Filename: "{app}\factcheck-gui.exe"; Comment: "Compare two versions of a story claim by claim"
Name: "{autodesktop}\Factcheck Compare"; Filename: "{app}\factcheck-gui.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\factcheck-gui.exe"; Description: "{cm:LaunchProgram,Factcheck Compare}"; Flags: nowait postinstall skipifsilent

; No [UninstallDelete] for user data on purpose: uninstalling keeps every review.

[Code]
const
  EnvKey = 'Environment';

function PathHas(Dir: string): Boolean;
var
  Path: string;
begin
  if not RegQueryStringValue(HKCU, EnvKey, 'Path', Path) then
    Path := '';
  Result := Pos(';' + Uppercase(Dir) + ';', ';' + Uppercase(Path) + ';') > 0;
end;

procedure CurStepChanged(CurStep: TSetupStep);
var
  Path: string;
begin
  if (CurStep = ssPostInstall) and WizardIsTaskSelected('addtopath') and not PathHas(ExpandConstant('{app}')) then
  begin
    if not RegQueryStringValue(HKCU, EnvKey, 'Path', Path) then
      Path := '';
    if (Path <> '') and (Copy(Path, Length(Path), 1) <> ';') then
      Path := Path + ';';
    RegWriteExpandStringValue(HKCU, EnvKey, 'Path', Path + ExpandConstant('{app}'));
  end;
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  Path, Dir: string;
  P: Integer;
begin
  if CurUninstallStep <> usPostUninstall then
    exit;
  if not RegQueryStringValue(HKCU, EnvKey, 'Path', Path) then
    exit;
  Dir := ExpandConstant('{app}');
  { P is where ';' + Dir + ';' starts in ';' + Path + ';', which is where Dir itself starts in
    Path. The first entry (P = 1) goes with the ';' after it; any other with the ';' before it.
    (Delete(Path, P - 1, ...) with P = 1 deletes nothing: Pascal strings start at 1.) }
  P := Pos(';' + Uppercase(Dir) + ';', ';' + Uppercase(Path) + ';');
  if P = 0 then
    exit;
  if P = 1 then
    Delete(Path, 1, Length(Dir) + 1)
  else
    Delete(Path, P - 1, Length(Dir) + 1);
  if Copy(Path, 1, 1) = ';' then
    Delete(Path, 1, 1);
  RegWriteExpandStringValue(HKCU, EnvKey, 'Path', Path);
end;
