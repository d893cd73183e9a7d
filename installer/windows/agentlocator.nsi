; AgentLocator desktop client: the Windows installer (NSIS 3, Modern UI 2), per machine.
;
;   makensis -WX -DVERSION=0.2.0 -DPAYLOAD=<one-folder build> -DEXE=agentlocator-desktop.exe
;            -DOUTFILE=<dir>\AgentLocator-Setup-0.2.0.exe [-DICON=<file.ico>] [-DFAST]
;
;   AgentLocator-Setup-0.2.0.exe [/S] [/SERVER=https://crm.example.co.il]
;   uninstall.exe [/S] [/PURGE]
;
; makensis resolves relative paths from this script's folder, not from where it was run:
; pass absolute ones (build.sh does).
; This file is UTF-8 with a BOM: makensis on Windows reads a script without one in the ANSI
; code page, which would garble every Hebrew string.

Unicode true

!ifndef VERSION
  !error "VERSION is not defined: pass -DVERSION=x.y.z (the line in desktop/VERSION)"
!endif
!ifndef PAYLOAD
  !error "PAYLOAD is not defined: pass -DPAYLOAD=<the PyInstaller one-folder build, e.g. dist/agentlocator-desktop>"
!endif
!ifndef EXE
  !error "EXE is not defined: pass -DEXE=<the program's file name inside PAYLOAD>"
!endif
!ifndef OUTFILE
  !error "OUTFILE is not defined: pass -DOUTFILE=<path of AgentLocator-Setup-${VERSION}.exe>"
!endif
!if ! /FileExists "${PAYLOAD}\${EXE}"
  !error "${PAYLOAD}\${EXE} does not exist: PAYLOAD must be the one-folder build and EXE the program in it"
!endif

!ifdef FAST
  ; For the check on every run: only whether the script compiles matters, and storing the
  ; payload takes seconds where LZMA takes minutes.
  SetCompress off
!else
  SetCompressor /SOLID lzma
!endif

!include LogicLib.nsh
!include FileFunc.nsh
!include x64.nsh
!include nsDialogs.nsh
!include MUI2.nsh

!define PRODUCT "AgentLocator"
; The shortcut keeps one name whatever language the installer ran in, so the uninstaller finds it.
!define SHORTCUT "AgentLocator – לקוחות"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${PRODUCT}"
!define CONFIG_DIR "$COMMONPROGRAMDATA\${PRODUCT}"  ; %ProgramData%, whatever SetShellVarContext says
!define CONFIG_FILE "${CONFIG_DIR}\desktop.conf"

Name "${PRODUCT}"
OutFile "${OUTFILE}"
InstallDir "$PROGRAMFILES64\${PRODUCT}"
RequestExecutionLevel admin
ManifestDPIAware true
XPStyle on
BrandingText "${PRODUCT} ${VERSION}"

!ifdef ICON
  !define MUI_ICON "${ICON}"
  !define MUI_UNICON "${ICON}"
!endif
!define MUI_ABORTWARNING

Var ServerUrl   ; /SERVER=, else the machine config already there, else empty
Var ServerField
Var Purge       ; 1: the uninstaller also removes the current user's settings and cache

!insertmacro MUI_PAGE_WELCOME
Page custom ServerPage ServerPageLeave
!insertmacro MUI_PAGE_INSTFILES
; No "run AgentLocator now" box: it would start the program elevated, as whoever approved the
; install, rather than as the agent who will use it.
!insertmacro MUI_PAGE_FINISH

!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

; The first language is the default: Hebrew, unless Windows itself is set to English.
!insertmacro MUI_LANGUAGE "Hebrew"
!insertmacro MUI_LANGUAGE "English"

LangString ServerTitle ${LANG_HEBREW} "כתובת השרת"
LangString ServerTitle ${LANG_ENGLISH} "Server address"
LangString ServerSubtitle ${LANG_HEBREW} "לאיזה שרת AgentLocator המחשב הזה יתחבר"
LangString ServerSubtitle ${LANG_ENGLISH} "Which AgentLocator server this computer connects to"
LangString ServerLabel ${LANG_HEBREW} "כתובת השרת של AgentLocator במשרד, כפי שקיבלתם ממנהל המערכת. היא נשמרת לכל המשתמשים במחשב הזה."
LangString ServerLabel ${LANG_ENGLISH} "Your office's AgentLocator server address, as given by your administrator. It is saved for every user of this computer."
LangString ServerInvalid ${LANG_HEBREW} "כתובת השרת צריכה להתחיל ב-https:// (או ב-http://), למשל https://crm.example.co.il"
LangString ServerInvalid ${LANG_ENGLISH} "The server address must begin with https:// (or http://), for example https://crm.example.co.il"
LangString Needs64Bit ${LANG_HEBREW} "AgentLocator דורש גרסת 64 סיביות של Windows."
LangString Needs64Bit ${LANG_ENGLISH} "AgentLocator needs a 64-bit version of Windows."
LangString AppRunning ${LANG_HEBREW} "AgentLocator פועל כעת במחשב הזה. סגרו אותו (גם מהסמל ליד השעון), אצל כל המשתמשים, ונסו שוב."
LangString AppRunning ${LANG_ENGLISH} "AgentLocator is running on this computer. Close it (from its icon next to the clock too), for every user, and try again."
LangString ConfigFailed ${LANG_HEBREW} "לא ניתן היה לשמור את כתובת השרת ב-${CONFIG_FILE}."
LangString ConfigFailed ${LANG_ENGLISH} "The server address could not be saved to ${CONFIG_FILE}."
LangString NotInstalledHere ${LANG_HEBREW} "AgentLocator אינו מותקן בתיקייה $INSTDIR."
LangString NotInstalledHere ${LANG_ENGLISH} "AgentLocator is not installed in $INSTDIR."
LangString PurgeQuestion ${LANG_HEBREW} "למחוק גם את ההגדרות, המטמון וההתחברות השמורה של המשתמש הנוכחי?$\n$\nאם לא, הם יישמרו להתקנה הבאה."
LangString PurgeQuestion ${LANG_ENGLISH} "Also remove the current user's settings, cache and saved login?$\n$\nIf not, they are kept for the next installation."

VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=${LANG_ENGLISH} "ProductName" "${PRODUCT}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "CompanyName" "${PRODUCT}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "FileDescription" "${PRODUCT} desktop client setup"
VIAddVersionKey /LANG=${LANG_ENGLISH} "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "LegalCopyright" "${PRODUCT}"

; Windows will not let a running program's files be replaced or deleted, and closing the
; window leaves AgentLocator running in the tray: ask for it to be closed before starting
; rather than failing half-way.
!macro RefuseWhileRunning
  ${If} ${FileExists} "$INSTDIR\${EXE}"
    ${Do}
      ClearErrors
      FileOpen $0 "$INSTDIR\${EXE}" a
      ${IfNot} ${Errors}
        FileClose $0
        ${Break}
      ${EndIf}
      ${IfNot} ${Cmd} `MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "$(AppRunning)" /SD IDCANCEL IDRETRY`
        Abort
      ${EndIf}
    ${Loop}
  ${EndIf}
!macroend

; ( url -- 1|0 ) The program needs a scheme to connect at all, and a host after it.
Function IsServerUrl
  Exch $0
  Push $1
  StrCpy $1 $0 8
  ${If} $1 == "https://"
    StrCpy $1 $0 "" 8
  ${Else}
    StrCpy $1 $0 7
    ${If} $1 == "http://"
      StrCpy $1 $0 "" 7
    ${Else}
      StrCpy $1 ""
    ${EndIf}
  ${EndIf}
  ${If} $1 == ""
    StrCpy $0 0
  ${Else}
    StrCpy $0 1
  ${EndIf}
  Pop $1
  Exch $0
FunctionEnd

Function .onInit
  ${IfNot} ${RunningX64}
    MessageBox MB_ICONSTOP "$(Needs64Bit)" /SD IDOK
    Abort
  ${EndIf}
  ; The installer is a 32-bit program: without this its uninstall entry would land in the
  ; 32-bit registry (WOW6432Node) of a 64-bit program.
  SetRegView 64
  SetShellVarContext all

  ; An update goes where the installed version is, even if an administrator chose /D= then.
  ${If} $INSTDIR == "$PROGRAMFILES64\${PRODUCT}"
    ReadRegStr $0 HKLM "${UNINSTALL_KEY}" "InstallLocation"
    ${If} $0 != ""
      StrCpy $INSTDIR $0
    ${EndIf}
  ${EndIf}

  ; GetOptions splits the parameters at the first character of the option it is asked for:
  ; asked for "/SERVER=" it cuts https://crm... at the first slash, down to "https:". Asked
  ; for " /SERVER=" it splits at spaces, which a URL does not contain.
  ${GetParameters} $0
  ClearErrors
  ${GetOptions} " $0" " /SERVER=" $ServerUrl
  ${If} ${Errors}
    ; An update keeps the address the office already uses.
    ReadINIStr $ServerUrl "${CONFIG_FILE}" "server" "url"
  ${ElseIf} ${Silent}
    Push $ServerUrl
    Call IsServerUrl
    Pop $0
    ${If} $0 != 1
      ; Nobody is there to ask: fail (exit code 2) rather than save an address that cannot work.
      Abort
    ${EndIf}
  ${EndIf}
FunctionEnd

Function ServerPage
  !insertmacro MUI_HEADER_TEXT "$(ServerTitle)" "$(ServerSubtitle)"
  nsDialogs::Create 1018
  Pop $0
  ${If} $0 == error
    Abort
  ${EndIf}
  nsDialogs::SetRTL $(^RTL)
  ${NSD_CreateLabel} 0 0 100% 36u "$(ServerLabel)"
  Pop $0
  ${NSD_CreateText} 0 42u 100% 13u "$ServerUrl"
  Pop $ServerField
  ${NSD_Edit_SetCueBannerText} $ServerField 0 "https://crm.example.co.il"
  nsDialogs::Show
FunctionEnd

Function ServerPageLeave
  ${NSD_GetText} $ServerField $ServerUrl
  Push $ServerUrl
  Call IsServerUrl
  Pop $0
  ${If} $0 != 1
    MessageBox MB_ICONEXCLAMATION "$(ServerInvalid)"
    Abort
  ${EndIf}
FunctionEnd

Section
  !insertmacro RefuseWhileRunning
  SetOutPath "$INSTDIR"
  ; An update replaces the frozen libraries wholesale: Qt loads every plugin it finds in its
  ; folders, so one the older build had and the new one dropped would still be loaded.
  RMDir /r "$INSTDIR\_internal"
  File /r "${PAYLOAD}\*"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  ; A silent install without /SERVER= and without an earlier config writes none: the program
  ; then asks for the address at its first login.
  ${If} $ServerUrl != ""
    CreateDirectory "${CONFIG_DIR}"
    ClearErrors
    WriteINIStr "${CONFIG_FILE}" "server" "url" "$ServerUrl"
    ${If} ${Errors}
      MessageBox MB_ICONSTOP "$(ConfigFailed)" /SD IDOK
      Abort
    ${EndIf}
  ${EndIf}

  CreateShortcut "$SMPROGRAMS\${SHORTCUT}.lnk" "$INSTDIR\${EXE}"
  CreateShortcut "$DESKTOP\${SHORTCUT}.lnk" "$INSTDIR\${EXE}"

  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayName" "${PRODUCT}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "Publisher" "${PRODUCT}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\${EXE},0"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKLM "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "EstimatedSize" $0
SectionEnd

Function un.onInit
  SetRegView 64
  SetShellVarContext all
  ${un.GetParameters} $0
  ClearErrors
  ${un.GetOptions} $0 "/PURGE" $1
  ${IfNot} ${Errors}
    StrCpy $Purge 1
  ${EndIf}
  ; The folder is removed whole below: make sure it is ours.
  ${IfNot} ${FileExists} "$INSTDIR\${EXE}"
    MessageBox MB_ICONSTOP "$(NotInstalledHere)" /SD IDOK
    Abort
  ${EndIf}
FunctionEnd

Section "Uninstall"
  !insertmacro RefuseWhileRunning
  ; Default No, and No when silent without /PURGE: the next installation picks them up again.
  ${If} $Purge != 1
  ${AndIf} ${Cmd} `MessageBox MB_YESNO|MB_ICONQUESTION|MB_DEFBUTTON2 "$(PurgeQuestion)" /SD IDNO IDYES`
    StrCpy $Purge 1
  ${EndIf}
  ${If} $Purge == 1
    ; The saved login is in the Windows credential store, which no folder holds; the program
    ; knows where its own data lives. The folders go too, in case it could not run.
    ExecWait '"$INSTDIR\${EXE}" --reset'
    ; "Current user" is whoever approved the uninstall, which is the agent only when the
    ; agent is an administrator; everyone else can run the program with --reset themselves.
    ; Not $USERAPPDATA: makensis 3.08 (Debian's) compiles it as $QUICKLAUNCH.
    SetShellVarContext current
    RMDir /r "$APPDATA\${PRODUCT}"
    RMDir /r "$LOCALAPPDATA\${PRODUCT}"
    SetShellVarContext all
  ${EndIf}

  Delete "$SMPROGRAMS\${SHORTCUT}.lnk"
  Delete "$DESKTOP\${SHORTCUT}.lnk"
  Delete "${CONFIG_FILE}"
  RMDir "${CONFIG_DIR}"
  RMDir /r "$INSTDIR"
  DeleteRegKey HKLM "${UNINSTALL_KEY}"
SectionEnd
