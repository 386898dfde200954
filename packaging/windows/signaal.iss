; Inno Setup 6 script: a per-machine installer for Signaal on Windows 10/11 (x64).
;
; Build on Windows after PyInstaller has produced dist\signaal (see .github/workflows/bundles.yml):
;   iscc packaging\windows\signaal.iss
; Output: dist\Signaal-<version>-setup.exe. The version comes from the version resource of
; dist\signaal\signaal.exe, which the spec generates from src\signaal\__init__.py; pass
; /DAppVersion=x.y.z to iscc only to override it.
;
; Silent roll-out by IT (per machine, needs administrator rights, no reboot, no questions):
;   Signaal-<version>-setup.exe /VERYSILENT /SUPPRESSMSGBOXES /NORESTART /LOG="C:\Windows\Temp\signaal-setup.log"
; Optional: /DIR="D:\Programs\Signaal"  /TASKS="desktopicon"  /LANG=en
; Silent removal:
;   "C:\Program Files\Signaal\unins000.exe" /VERYSILENT /SUPPRESSMSGBOXES /NORESTART
;
; The installer downloads nothing, adds no updater, scheduled task or service, and writes only
; the program folder, the Start-menu entry and the uninstall registration.

#define AppName "Signaal"
#define AppExe "signaal.exe"
#define BundleDir AddBackslash(SourcePath) + "..\..\dist\signaal"
#ifndef AppVersion
  #define AppVersion GetStringFileInfo(BundleDir + "\" + AppExe, "ProductVersion")
#endif

[Setup]
; Never change the AppId: upgrades and the uninstaller find earlier installs by it.
AppId={{2E600A5A-C420-456F-A70A-86A7541BBADE}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Signaal developers
AppComments=Offline ondersteuning bij signalen van mensenhandel en seksueel misbruik
VersionInfoVersion={#AppVersion}
VersionInfoProductName={#AppName}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
DisableDirPage=auto
; Per-machine only: a school or practice workstation has one installation for every user.
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\..\dist
OutputBaseFilename={#AppName}-{#AppVersion}-setup
SetupIconFile=..\..\resources\icons\signaal.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName} {#AppVersion}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=no
LanguageDetectionMethod=uilanguage
CloseApplications=yes
RestartApplications=no

[Languages]
Name: "nl"; MessagesFile: "compiler:Languages\Dutch.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
